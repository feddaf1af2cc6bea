package io.meshfed.spec;

/**
 * The shared root of trust. Key material is derived from a secret seed that is not part of the
 * spec (stack secret {@code meshfed:trustSeed} or {@code MESHFED_TRUST_SEED}).
 */
public record TrustSpec(
        String root,
        String keyType,
        String notBefore,
        String rootValidity,
        String intermediateValidity,
        Integer epoch,
        Integer rootEpoch,
        String rootRotation,
        String organization,
        String providedRootCertFile,
        String providedRootKeyFile) {

    public static final String GENERATED = "generated";
    public static final String PROVIDED = "provided";

    public TrustSpec {
        root = root == null ? GENERATED : root;
        keyType = keyType == null ? "EC_P256" : keyType;
        notBefore = notBefore == null ? "2026-01-01T00:00:00Z" : notBefore;
        rootValidity = rootValidity == null ? "87600h" : rootValidity;
        intermediateValidity = intermediateValidity == null ? "17520h" : intermediateValidity;
        epoch = epoch == null ? 1 : epoch;
        rootEpoch = rootEpoch == null ? 1 : rootEpoch;
        rootRotation = rootRotation == null ? "NONE" : rootRotation;
        organization = organization == null ? "meshfed" : organization;
    }

    static TrustSpec defaults() {
        return new TrustSpec(null, null, null, null, null, null, null, null, null, null, null);
    }
}
