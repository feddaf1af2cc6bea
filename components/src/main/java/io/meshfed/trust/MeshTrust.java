package io.meshfed.trust;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The PKI of a mesh: one root (two while it rotates) and one intermediate CA per cluster, derived
 * from the settings and the seed alone. {@link #issue} never reads the clock, so the same inputs
 * give byte-identical PEMs in every run and every JVM.
 */
public final class MeshTrust {
    private final TrustSettings settings;
    private final RootSet roots;
    private final Map<String, ClusterCa> clusters;

    private MeshTrust(TrustSettings settings, RootSet roots, Map<String, ClusterCa> clusters) {
        this.settings = settings;
        this.roots = roots;
        this.clusters = clusters;
    }

    public static MeshTrust issue(TrustSettings settings, TrustSeed seed, List<ClusterIdentity> clusters) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(seed, "seed");
        requireDistinct(Objects.requireNonNull(clusters, "clusters"));
        SeedKeyDerivation derivation = new SeedKeyDerivation(seed);
        RootSet roots = RootSet.plan(settings, derivation);
        String rootBundle = roots.trustedBundlePem();
        // Each CA depends only on its own label, so issuing in parallel keeps the output identical.
        List<ClusterCa> issued = clusters.parallelStream()
                .map(cluster -> issueIntermediate(settings, derivation, roots.signing(), rootBundle, cluster))
                .toList();
        Map<String, ClusterCa> byName = new LinkedHashMap<>();
        issued.forEach(ca -> byName.put(ca.identity().cluster(), ca));
        return new MeshTrust(settings, roots, byName);
    }

    private static ClusterCa issueIntermediate(TrustSettings settings, SeedKeyDerivation derivation,
            CertificateAuthority root, String rootBundle, ClusterIdentity cluster) {
        int epoch = settings.intermediateEpoch();
        String what = "intermediate of cluster " + cluster.cluster();
        CaKeyPair keys = derivation.keyPair(
                SeedKeyDerivation.intermediateLabel(cluster.cluster(), epoch), settings.keyAlgorithm());
        ValidityWindow validity = ValidityWindow
                .forEpoch(settings.notBefore(), settings.intermediateValidity(), epoch, what)
                .within(root.validity(), what);
        CertificateAuthority intermediate = CaCertificateIssuer.intermediate(root,
                CaSubjects.intermediate(settings.organization(), cluster.cluster()), keys, validity, epoch);
        CaCerts caCerts = new CaCerts(intermediate.certificatePem(), keys.privateKeyPem(),
                intermediate.certificatePem() + root.certificatePem(), rootBundle);
        return new ClusterCa(cluster, intermediate, caCerts);
    }

    private static void requireDistinct(List<ClusterIdentity> clusters) {
        Set<String> seen = new HashSet<>();
        for (ClusterIdentity cluster : clusters) {
            Objects.requireNonNull(cluster, "clusters: null entry");
            if (!seen.add(cluster.cluster())) {
                throw new IllegalArgumentException("clusters: \"" + cluster.cluster() + "\" appears twice");
            }
        }
    }

    public TrustSettings settings() {
        return settings;
    }

    public List<ClusterIdentity> clusters() {
        return clusters.values().stream().map(ClusterCa::identity).toList();
    }

    /** The contents of the cluster's {@code istio-system/cacerts} Secret. */
    public CaCerts caCerts(String cluster) {
        return cluster(cluster).caCerts();
    }

    /** Every trusted root, oldest first: the {@code root-cert.pem} all clusters share. */
    public String rootCertPem() {
        return roots.trustedBundlePem();
    }

    /** SHA-256 (lowercase hex) of the active root, the one that signs the intermediates. */
    public String rootFingerprintSha256() {
        return roots.signing().fingerprintSha256();
    }

    /** SHA-256 of every trusted root, oldest first. */
    public List<String> trustedRootFingerprintsSha256() {
        return roots.trusted().stream().map(CertificateAuthority::fingerprintSha256).toList();
    }

    /**
     * True when the CA keys are EC: Istio then needs {@code ECC_SIGNATURE_ALGORITHM=ECDSA} (proxy
     * metadata / pilot-agent env) so workloads send ECDSA CSRs the CA can chain (istio/istio#23092).
     */
    public boolean workloadsNeedEcdsa() {
        return settings.keyAlgorithm().isEc();
    }

    /** A workload certificate for {@code spiffe://<trust-domain>/ns/<namespace>/sa/<serviceAccount>}, as istiod would sign it. */
    public WorkloadCertificate issueWorkload(String cluster, String namespace, String serviceAccount,
            Instant now, Duration ttl) {
        Objects.requireNonNull(now, "now");
        ClusterCa ca = cluster(cluster);
        String spiffeId = SpiffeIds.of(ca.identity().trustDomain(), namespace, serviceAccount);
        return WorkloadIssuer.issue(ca.intermediate(), roots.signing(), trustedRoots(), spiffeId,
                workloadsNeedEcdsa(), now, ttl);
    }

    /** The trusted roots as JCA certificates, oldest first. */
    public List<X509Certificate> trustedRoots() {
        return roots.trusted().stream().map(root -> Certificates.toX509(root.certificate())).toList();
    }

    public ExpiryReport expiry(Instant now, Duration warnBelow) {
        Objects.requireNonNull(now, "now");
        if (warnBelow == null || warnBelow.isNegative()) {
            throw new IllegalArgumentException("warnBelow: must be zero or positive, got " + warnBelow);
        }
        List<CaValidity> entries = new ArrayList<>();
        for (ClusterCa ca : clusters.values()) {
            String cluster = ca.identity().cluster();
            entries.add(validity(cluster, CaValidity.Role.INTERMEDIATE, ca.intermediate(), true, now, warnBelow));
            for (CertificateAuthority root : roots.trusted()) {
                entries.add(validity(cluster, CaValidity.Role.ROOT, root, root == roots.signing(), now, warnBelow));
            }
        }
        return new ExpiryReport(now, warnBelow, entries);
    }

    private static CaValidity validity(String cluster, CaValidity.Role role, CertificateAuthority ca, boolean signing,
            Instant now, Duration warnBelow) {
        ValidityWindow window = ca.validity();
        return new CaValidity(cluster, role, ca.subject().toString(), ca.fingerprintSha256(), signing,
                window.notBefore(), window.notAfter(), Duration.between(now, window.notAfter()),
                CaValidity.status(now, window.notBefore(), window.notAfter(), warnBelow));
    }

    private ClusterCa cluster(String cluster) {
        ClusterCa ca = clusters.get(cluster);
        if (ca == null) {
            throw new IllegalArgumentException("unknown cluster \"" + cluster + "\"; known: " + clusters.keySet());
        }
        return ca;
    }

    @Override
    public String toString() {
        return "MeshTrust[" + settings.keyAlgorithm() + ", root sha256=" + rootFingerprintSha256()
                + ", rotation=" + settings.rootRotationPhase() + ", clusters=" + clusters.keySet() + "]";
    }
}
