package io.meshfed.judge;

/**
 * The outcome of a proxy's RBAC filters: allowed, or denied with HTTP 403. {@code reason} names the
 * deciding policy (the DENY policy that matched, the ALLOW policy that matched), or is
 * {@value Rbac#NO_ALLOW_MATCHED} when an ALLOW filter found no matching policy; null when no filter decided.
 */
public record RbacDecision(boolean allowed, String reason) {

    public int status() {
        return allowed ? 200 : 403;
    }

    /** {@code <namespace>/<name>} of the Istio AuthorizationPolicy behind {@code reason}, or null. */
    public String istioPolicy() {
        return reason == null ? null : IstioPolicyNames.policy(reason);
    }
}
