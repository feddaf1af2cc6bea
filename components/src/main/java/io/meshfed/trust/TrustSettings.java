package io.meshfed.trust;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Everything that shapes the PKI besides the seed. Changing any field changes the PEMs; keeping
 * them fixed keeps the PEMs byte-identical.
 *
 * <p>Validity windows come from here, never from the clock: a CA of epoch {@code e} is valid from
 * {@code notBefore} until {@code notBefore + (e + 1) * validity}, intermediates capped at their
 * root. Each epoch bump therefore pushes the expiry out by one period and the new CA is valid the
 * moment it is deployed. {@code notBefore} is truncated to whole seconds (X.509 precision).
 *
 * @param providedRoot a user-supplied root, or {@code null} to derive the root from the seed
 */
public record TrustSettings(
        KeyAlgorithm keyAlgorithm,
        Instant notBefore,
        Duration rootValidity,
        Duration intermediateValidity,
        int intermediateEpoch,
        int rootEpoch,
        RootRotationPhase rootRotationPhase,
        String organization,
        ProvidedRoot providedRoot) {

    public static final Duration DEFAULT_ROOT_VALIDITY = Duration.ofDays(3650);
    public static final Duration DEFAULT_INTERMEDIATE_VALIDITY = Duration.ofDays(730);
    public static final String DEFAULT_ORGANIZATION = "meshfed";
    private static final int MAX_ORGANIZATION_LENGTH = 64; // ub-organization-name

    public TrustSettings {
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(rootRotationPhase, "rootRotationPhase");
        requirePositive(rootValidity, "rootValidity");
        requirePositive(intermediateValidity, "intermediateValidity");
        if (intermediateEpoch < 0) {
            throw new IllegalArgumentException("intermediateEpoch: must be >= 0, got " + intermediateEpoch);
        }
        if (rootEpoch < 0) {
            throw new IllegalArgumentException("rootEpoch: must be >= 0, got " + rootEpoch);
        }
        if (organization == null || organization.isBlank() || organization.length() > MAX_ORGANIZATION_LENGTH) {
            throw new IllegalArgumentException(
                    "organization: 1 to " + MAX_ORGANIZATION_LENGTH + " characters, got \"" + organization + "\"");
        }
        if (rootRotationPhase != RootRotationPhase.NONE) {
            if (providedRoot != null) {
                throw new IllegalArgumentException("rootRotationPhase: " + rootRotationPhase
                        + " rotates between seed-derived roots; it cannot be combined with providedRoot");
            }
            if (rootEpoch == 0) {
                throw new IllegalArgumentException("rootRotationPhase: " + rootRotationPhase
                        + " rotates from root epoch N to N+1, so rootEpoch must be >= 1");
            }
        }
        notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
    }

    /** EC P-256, 10-year root, 2-year intermediates, epochs 0, no rotation, a generated root. */
    public static TrustSettings defaults(Instant notBefore) {
        return new TrustSettings(KeyAlgorithm.defaultAlgorithm(), notBefore, DEFAULT_ROOT_VALIDITY,
                DEFAULT_INTERMEDIATE_VALIDITY, 0, 0, RootRotationPhase.NONE, DEFAULT_ORGANIZATION, null);
    }

    public TrustSettings withKeyAlgorithm(KeyAlgorithm algorithm) {
        return new TrustSettings(algorithm, notBefore, rootValidity, intermediateValidity,
                intermediateEpoch, rootEpoch, rootRotationPhase, organization, providedRoot);
    }

    public TrustSettings withValidity(Duration root, Duration intermediate) {
        return new TrustSettings(keyAlgorithm, notBefore, root, intermediate,
                intermediateEpoch, rootEpoch, rootRotationPhase, organization, providedRoot);
    }

    public TrustSettings withIntermediateEpoch(int epoch) {
        return new TrustSettings(keyAlgorithm, notBefore, rootValidity, intermediateValidity,
                epoch, rootEpoch, rootRotationPhase, organization, providedRoot);
    }

    public TrustSettings withRootRotation(int epoch, RootRotationPhase phase) {
        return new TrustSettings(keyAlgorithm, notBefore, rootValidity, intermediateValidity,
                intermediateEpoch, epoch, phase, organization, providedRoot);
    }

    public TrustSettings withOrganization(String org) {
        return new TrustSettings(keyAlgorithm, notBefore, rootValidity, intermediateValidity,
                intermediateEpoch, rootEpoch, rootRotationPhase, org, providedRoot);
    }

    public TrustSettings withProvidedRoot(ProvidedRoot root) {
        return new TrustSettings(keyAlgorithm, notBefore, rootValidity, intermediateValidity,
                intermediateEpoch, rootEpoch, rootRotationPhase, organization, root);
    }

    private static void requirePositive(Duration duration, String field) {
        if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(field + ": must be at least one second, got " + duration);
        }
    }
}
