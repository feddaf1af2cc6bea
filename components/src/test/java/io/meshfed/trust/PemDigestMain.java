package io.meshfed.trust;

import java.time.Instant;

/**
 * Run by {@link DeterminismTest} in a child JVM: issues the PKI for the given inputs and prints
 * the digest of its PEMs. The seed comes from {@value TrustSeed#ENVIRONMENT_VARIABLE}.
 *
 * <p>Arguments: key algorithm, notBefore, intermediate epoch, cluster names...
 */
public final class PemDigestMain {
    private PemDigestMain() {
    }

    public static void main(String[] args) {
        TrustSeed seed = TrustSeed.fromBase64(System.getenv(TrustSeed.ENVIRONMENT_VARIABLE));
        TrustSettings settings = TrustSettings.defaults(Instant.parse(args[1]))
                .withKeyAlgorithm(KeyAlgorithm.valueOf(args[0]))
                .withIntermediateEpoch(Integer.parseInt(args[2]));
        String[] clusters = java.util.Arrays.copyOfRange(args, 3, args.length);
        System.out.println(TrustDigest.of(MeshTrust.issue(settings, seed, TrustFixtures.clusters(clusters))));
    }
}
