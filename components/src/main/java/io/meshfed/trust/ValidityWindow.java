package io.meshfed.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A certificate's notBefore/notAfter, in whole seconds. */
record ValidityWindow(Instant notBefore, Instant notAfter) {
    ValidityWindow {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("validity window is empty: " + notBefore + " .. " + notAfter);
        }
    }

    /** Epoch {@code e} is valid from {@code start} until {@code start + (e + 1) * validity}. */
    static ValidityWindow forEpoch(Instant start, Duration validity, int epoch, String what) {
        Instant end;
        try {
            end = start.plus(validity.multipliedBy(Math.addExact(epoch, 1)));
        } catch (ArithmeticException | java.time.DateTimeException overflow) {
            throw new IllegalArgumentException(what + ": epoch " + epoch + " with validity " + validity
                    + " ends beyond " + CertificateTimes.LATEST);
        }
        if (end.isAfter(CertificateTimes.LATEST)) {
            throw new IllegalArgumentException(what + ": epoch " + epoch + " with validity " + validity
                    + " ends at " + end + ", beyond " + CertificateTimes.LATEST);
        }
        return new ValidityWindow(start, end);
    }

    /** This window cut to fit inside the issuer's: a CA cannot outlive the CA that signed it. */
    ValidityWindow within(ValidityWindow issuer, String what) {
        Instant from = notBefore.isBefore(issuer.notBefore) ? issuer.notBefore : notBefore;
        Instant to = notAfter.isAfter(issuer.notAfter) ? issuer.notAfter : notAfter;
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException(what + ": validity " + notBefore + " .. " + notAfter
                    + " does not overlap its issuer's " + issuer.notBefore + " .. " + issuer.notAfter);
        }
        return new ValidityWindow(from, to);
    }
}
