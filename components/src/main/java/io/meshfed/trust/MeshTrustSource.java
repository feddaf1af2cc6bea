package io.meshfed.trust;

import io.meshfed.spec.Durations;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.TrustSpec;
import io.meshfed.translate.TrustSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Connects the mesh spec's trust section to the PKI: the translation's source of {@code cacerts}. */
public final class MeshTrustSource implements TrustSource {

    private final MeshTrust trust;

    private MeshTrustSource(MeshTrust trust) {
        this.trust = trust;
    }

    public static MeshTrustSource of(MeshSpec spec, TrustSeed seed) {
        return new MeshTrustSource(MeshTrust.issue(settings(spec.trust(), Path.of(".")), seed, identities(spec)));
    }

    /** As {@link #of(MeshSpec, TrustSeed)}, resolving provided root files against {@code baseDirectory}. */
    public static MeshTrustSource of(MeshSpec spec, TrustSeed seed, Path baseDirectory) {
        return new MeshTrustSource(MeshTrust.issue(settings(spec.trust(), baseDirectory), seed, identities(spec)));
    }

    /** As {@link #of(MeshSpec, TrustSeed)}, with {@code root} as the mesh's root whatever the spec's {@code trust.root} says. */
    public static MeshTrustSource of(MeshSpec spec, TrustSeed seed, ProvidedRoot root) {
        TrustSettings fromSpec = settings(new TrustSpec(TrustSpec.GENERATED, spec.trust().keyType(), spec.trust().notBefore(),
                spec.trust().rootValidity(), spec.trust().intermediateValidity(), spec.trust().epoch(), spec.trust().rootEpoch(),
                spec.trust().rootRotation(), spec.trust().organization(), null, null), Path.of("."));
        TrustSettings settings = new TrustSettings(fromSpec.keyAlgorithm(), fromSpec.notBefore(), fromSpec.rootValidity(),
                fromSpec.intermediateValidity(), fromSpec.intermediateEpoch(), fromSpec.rootEpoch(), fromSpec.rootRotationPhase(),
                fromSpec.organization(), root);
        return new MeshTrustSource(MeshTrust.issue(settings, seed, identities(spec)));
    }

    public MeshTrust trust() {
        return trust;
    }

    static TrustSettings settings(TrustSpec spec, Path baseDirectory) {
        return new TrustSettings(
                KeyAlgorithm.valueOf(spec.keyType()),
                Instant.parse(spec.notBefore()),
                Durations.require(spec.rootValidity()),
                Durations.require(spec.intermediateValidity()),
                spec.epoch(),
                spec.rootEpoch(),
                RootRotationPhase.valueOf(spec.rootRotation()),
                spec.organization(),
                TrustSpec.PROVIDED.equals(spec.root()) ? provided(spec, baseDirectory) : null);
    }

    private static ProvidedRoot provided(TrustSpec spec, Path baseDirectory) {
        try {
            return new ProvidedRoot(Files.readString(baseDirectory.resolve(spec.providedRootCertFile())),
                    new SecretPem(Files.readString(baseDirectory.resolve(spec.providedRootKeyFile()))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the provided root (trust.providedRootCertFile / providedRootKeyFile)", e);
        }
    }

    private static List<ClusterIdentity> identities(MeshSpec spec) {
        return spec.clusters().stream().map(c -> new ClusterIdentity(c.name(), c.effectiveTrustDomain())).toList();
    }

    @Override
    public Map<String, String> cacerts(String cluster) {
        CaCerts certs = trust.caCerts(cluster);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CaCerts.CA_CERT_KEY, certs.caCertPem());
        files.put(CaCerts.CA_KEY_KEY, certs.caKeyPem().reveal());
        files.put(CaCerts.CERT_CHAIN_KEY, certs.certChainPem());
        files.put(CaCerts.ROOT_CERT_KEY, certs.rootCertPem());
        return files;
    }

    @Override
    public boolean workloadsNeedEcdsa() {
        return trust.workloadsNeedEcdsa();
    }

    @Override
    public String rootFingerprintSha256() {
        return trust.rootFingerprintSha256();
    }

}
