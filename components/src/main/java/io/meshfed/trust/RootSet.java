package io.meshfed.trust;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The root that signs the intermediates and the roots the clusters trust, per rotation phase
 * (with {@code rootEpoch = N}):
 * NONE → signs N, trusts [N]; TRUST_BOTH → signs N-1, trusts [N-1, N];
 * SWITCHED → signs N, trusts [N-1, N]. Trusted roots are listed oldest first.
 */
record RootSet(CertificateAuthority signing, List<CertificateAuthority> trusted) {
    RootSet {
        trusted = List.copyOf(trusted);
    }

    static RootSet plan(TrustSettings settings, SeedKeyDerivation derivation) {
        if (settings.providedRoot() != null) {
            CertificateAuthority provided = ProvidedRootLoader.load(settings.providedRoot());
            return new RootSet(provided, List.of(provided));
        }
        int epoch = settings.rootEpoch();
        CertificateAuthority current = generatedRoot(settings, derivation, epoch);
        return switch (settings.rootRotationPhase()) {
            case NONE -> new RootSet(current, List.of(current));
            case TRUST_BOTH -> {
                CertificateAuthority previous = generatedRoot(settings, derivation, epoch - 1);
                yield new RootSet(previous, List.of(previous, current));
            }
            case SWITCHED -> new RootSet(current, List.of(generatedRoot(settings, derivation, epoch - 1), current));
        };
    }

    private static CertificateAuthority generatedRoot(TrustSettings settings, SeedKeyDerivation derivation, int epoch) {
        CaKeyPair keys = derivation.keyPair(SeedKeyDerivation.rootLabel(epoch), settings.keyAlgorithm());
        ValidityWindow validity = ValidityWindow.forEpoch(
                settings.notBefore(), settings.rootValidity(), epoch, "root epoch " + epoch);
        return CaCertificateIssuer.root(CaSubjects.root(settings.organization(), epoch), keys, validity, epoch);
    }

    String trustedBundlePem() {
        return trusted.stream().map(CertificateAuthority::certificatePem).collect(Collectors.joining());
    }
}
