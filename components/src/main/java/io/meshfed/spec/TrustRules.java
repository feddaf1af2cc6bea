package io.meshfed.spec;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Validation of the trust section: what the PKI accepts, and validity windows that X.509 can
 * encode (a CA of epoch e is valid until notBefore + (e + 1) × validity; UTCTime starts in 1950,
 * GeneralizedTime ends in 9999).
 */
final class TrustRules {

    static final List<String> KEY_TYPES = List.of("EC_P256", "EC_P384", "RSA_3072", "RSA_4096");
    static final List<String> ROTATIONS = List.of("NONE", "TRUST_BOTH", "SWITCHED");
    static final Instant EARLIEST = Instant.parse("1950-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** ub-organization-name (RFC 5280): the organization goes into every CA's {@code O=}. */
    static final int MAX_ORGANIZATION = 64;

    private final TrustSpec trust;
    private final Problems problems;

    TrustRules(TrustSpec trust, Problems problems) {
        this.trust = trust;
        this.problems = problems;
    }

    void check() {
        problems.oneOf("trust.root", trust.root(), List.of(TrustSpec.GENERATED, TrustSpec.PROVIDED));
        problems.oneOf("trust.keyType", trust.keyType(), KEY_TYPES);
        problems.oneOf("trust.rootRotation", trust.rootRotation(), ROTATIONS);
        Optional<Instant> notBefore = notBefore();
        Optional<Duration> rootValidity = validity("trust.rootValidity", trust.rootValidity());
        Optional<Duration> intermediateValidity = validity("trust.intermediateValidity", trust.intermediateValidity());
        boolean epochsValid = epochs();
        if (notBefore.isPresent() && epochsValid) {
            rootValidity.ifPresent(v -> fitsInX509("trust.rootValidity", notBefore.get(), v, trust.rootEpoch()));
            intermediateValidity.ifPresent(v -> fitsInX509("trust.intermediateValidity", notBefore.get(), v, trust.epoch()));
        }
        String organization = trust.organization();
        if (organization.isBlank() || organization.length() > MAX_ORGANIZATION || organization.chars().anyMatch(Character::isISOControl)) {
            problems.add("trust.organization", "1 to " + MAX_ORGANIZATION + " printable characters (it becomes the O= of every CA), was '"
                    + Problems.shown(organization) + "'");
        }
        if (TrustSpec.PROVIDED.equals(trust.root())) {
            problems.required("trust.providedRootCertFile", trust.providedRootCertFile());
            problems.required("trust.providedRootKeyFile", trust.providedRootKeyFile());
            if (!"NONE".equals(trust.rootRotation())) {
                problems.add("trust.rootRotation", "rotations are between seed-derived roots; a provided root cannot rotate (use NONE)");
            }
        }
    }

    private Optional<Instant> notBefore() {
        try {
            Instant instant = Instant.parse(trust.notBefore());
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                problems.add("trust.notBefore", "must lie between 1950 and 9999 (what X.509 certificates can encode), was " + trust.notBefore());
                return Optional.empty();
            }
            return Optional.of(instant);
        } catch (DateTimeParseException e) {
            problems.add("trust.notBefore", "'" + Problems.shown(trust.notBefore()) + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
            return Optional.empty();
        }
    }

    private Optional<Duration> validity(String path, String text) {
        problems.duration(path, text);
        Optional<Duration> validity = Durations.parse(text);
        if (validity.isPresent() && validity.get().compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(path, "must be at least 1s, was " + text);
            return Optional.empty();
        }
        return validity;
    }

    private boolean epochs() {
        boolean valid = true;
        if (trust.epoch() < 1) {
            problems.add("trust.epoch", "must be at least 1, was " + trust.epoch());
            valid = false;
        }
        if (trust.rootEpoch() < 1) {
            problems.add("trust.rootEpoch", "must be at least 1, was " + trust.rootEpoch());
            valid = false;
        }
        if (!"NONE".equals(trust.rootRotation()) && trust.rootEpoch() < 2) {
            problems.add("trust.rootRotation", "a root rotation needs trust.rootEpoch of 2 or more (the previous root is rootEpoch - 1)");
        }
        return valid;
    }

    /** notBefore + (epoch + 1) × validity, computed without overflow, must end by 9999-12-31. */
    private void fitsInX509(String path, Instant notBefore, Duration validity, int epoch) {
        BigInteger end = BigInteger.valueOf(notBefore.getEpochSecond())
                .add(BigInteger.valueOf(validity.getSeconds()).multiply(BigInteger.valueOf(epoch + 1L)));
        if (end.compareTo(BigInteger.valueOf(LATEST.getEpochSecond())) > 0) {
            problems.add(path, "with epoch " + epoch + " the CA would be valid beyond 9999-12-31, the last date X.509 can encode "
                    + "(a CA of epoch e is valid for (e + 1) × " + Problems.shown(validityText(path)) + " from trust.notBefore)");
        }
    }

    private String validityText(String path) {
        return path.endsWith("rootValidity") ? trust.rootValidity() : trust.intermediateValidity();
    }
}
