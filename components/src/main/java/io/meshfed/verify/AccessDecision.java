package io.meshfed.verify;

/** An authorization outcome and why, naming the deciding policy. */
public record AccessDecision(boolean allowed, String reason) {

    static AccessDecision allow(String reason) {
        return new AccessDecision(true, "allowed: " + reason);
    }

    static AccessDecision deny(String reason) {
        return new AccessDecision(false, "denied: " + reason);
    }

    @Override
    public String toString() {
        return reason;
    }
}
