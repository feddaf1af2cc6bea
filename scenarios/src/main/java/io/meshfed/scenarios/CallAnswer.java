package io.meshfed.scenarios;

/**
 * One request's outcome: allowed (the destination answered, not an authorization denial), the HTTP
 * status, and why (the deciding policy, or the denial body and the proxy's RBAC log line).
 */
public record CallAnswer(boolean allowed, int status, String reason) {
}
