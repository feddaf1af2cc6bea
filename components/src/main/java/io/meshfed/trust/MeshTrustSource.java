package io.meshfed.trust;

import io.meshfed.spec.Durations;
import io.meshfed.spec.InvalidSpecException;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.Problem;
import io.meshfed.spec.TrustSpec;
import io.meshfed.translate.TrustSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        return of(spec, seed, Path.of("."));
    }

    /**
     * As {@link #of(MeshSpec, TrustSeed)}, resolving provided root files against {@code baseDirectory}.
     * A provided root that cannot be read or used is the spec's problem: {@link InvalidSpecException}
     * at {@code trust.providedRootCertFile} or {@code trust.providedRootKeyFile}.
     */
    public static MeshTrustSource of(MeshSpec spec, TrustSeed seed, Path baseDirectory) {
        TrustSettings settings = settings(spec.trust(), baseDirectory);
        try {
            return new MeshTrustSource(MeshTrust.issue(settings, seed, identities(spec)));
        } catch (IllegalArgumentException unusable) {
            if (settings.providedRoot() == null) {
                throw unusable;
            }
            String reason = String.valueOf(unusable.getMessage());
            boolean key = reason.startsWith("providedRoot.keyPem");
            throw new InvalidSpecException(List.of(new Problem(key ? KEY_FILE : CERT_FILE, "the provided root cannot be used: "
                    + reason.replaceFirst("^providedRoot\\.(certPem|keyPem): ", ""))));
        }
    }

    private static final String CERT_FILE = "trust.providedRootCertFile";
    private static final String KEY_FILE = "trust.providedRootKeyFile";

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
        return new ProvidedRoot(read(CERT_FILE, baseDirectory.resolve(spec.providedRootCertFile())),
                new SecretPem(read(KEY_FILE, baseDirectory.resolve(spec.providedRootKeyFile()))));
    }

    /** The file's text; a file that cannot be read is reported at the field naming it (no content is quoted). */
    private static String read(String field, Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidSpecException(List.of(new Problem(field, file + " is a directory, not a PEM file")));
            }
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException(List.of(new Problem(field, "no such file: " + file)));
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InvalidSpecException(List.of(new Problem(field, "cannot read " + file + ": permission denied")));
        } catch (IOException e) {
            throw new InvalidSpecException(List.of(new Problem(field, "cannot read " + file + ": " + e.getMessage())));
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
