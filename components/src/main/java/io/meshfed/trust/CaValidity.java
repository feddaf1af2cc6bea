package io.meshfed.trust;

import java.time.Duration;
import java.time.Instant;

/**
 * The validity of one CA as seen from one cluster.
 *
 * @param signing   true for the intermediate, and for the root that signed it; false for a root
 *                  that is only trusted (the other root during a rotation)
 * @param remaining time left until notAfter, negative once expired
 */
public record CaValidity(String cluster, Role role, String subject, String fingerprintSha256, boolean signing,
        Instant notBefore, Instant notAfter, Duration remaining, Status status) {

    public enum Role { ROOT, INTERMEDIATE }

    public enum Status {
        VALID,
        /** Valid now, but less than the report's threshold remains. */
        EXPIRES_SOON,
        EXPIRED,
        NOT_YET_VALID
    }

    /** The status at {@code now}: not yet valid, expired, expiring within {@code warnBelow}, else valid. */
    public static Status status(Instant now, Instant notBefore, Instant notAfter, Duration warnBelow) {
        if (now.isBefore(notBefore)) {
            return Status.NOT_YET_VALID;
        }
        if (now.isAfter(notAfter)) {
            return Status.EXPIRED;
        }
        return Duration.between(now, notAfter).compareTo(warnBelow) < 0 ? Status.EXPIRES_SOON : Status.VALID;
    }
}
