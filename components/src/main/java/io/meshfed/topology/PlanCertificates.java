package io.meshfed.topology;

import io.fabric8.kubernetes.api.model.Secret;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshPlan;
import io.meshfed.trust.CaCerts;
import io.meshfed.trust.CaValidity;
import io.meshfed.trust.ExpiryReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CA certificates a plan really renders: each cluster's {@code istio-system/cacerts} Secret
 * (its intermediate in {@code ca-cert.pem}, the roots it trusts in {@code root-cert.pem}). Reading
 * them from the plan shows what would be deployed, whichever trust source produced it.
 */
public final class PlanCertificates {

    /** One cluster's CAs; the intermediate is absent when the plan carries no cacerts for it. */
    public record ClusterCas(String cluster, Optional<CaCertificate> intermediate, List<CaCertificate> roots) {
    }

    private final Map<String, ClusterCas> byCluster = new LinkedHashMap<>();

    private PlanCertificates() {
    }

    public static PlanCertificates of(MeshPlan plan) {
        PlanCertificates certificates = new PlanCertificates();
        for (ClusterPlan cluster : plan.clusters()) {
            Map<String, String> data = cacerts(cluster).map(Secret::getStringData).orElse(Map.of());
            List<CaCertificate> intermediate = CaCertificate.parseAll(data.get(CaCerts.CA_CERT_KEY));
            certificates.byCluster.put(cluster.cluster(), new ClusterCas(cluster.cluster(),
                    intermediate.stream().findFirst(), CaCertificate.parseAll(data.get(CaCerts.ROOT_CERT_KEY))));
        }
        return certificates;
    }

    private static Optional<Secret> cacerts(ClusterPlan cluster) {
        return cluster.ofType(Secret.class).stream()
                .filter(s -> CaCerts.SECRET_NAME.equals(s.getMetadata().getName())
                        && CaCerts.SECRET_NAMESPACE.equals(s.getMetadata().getNamespace())
                        && s.getStringData() != null)
                .findFirst();
    }

    public ClusterCas cluster(String cluster) {
        ClusterCas cas = byCluster.get(cluster);
        if (cas == null) {
            throw new IllegalArgumentException("no cluster " + cluster + " in the plan; known: " + byCluster.keySet());
        }
        return cas;
    }

    public List<ClusterCas> clusters() {
        return List.copyOf(byCluster.values());
    }

    /** The distinct roots any cluster trusts, in first-seen order. */
    public List<CaCertificate> roots() {
        Map<String, CaCertificate> roots = new LinkedHashMap<>();
        byCluster.values().forEach(c -> c.roots().forEach(r -> roots.putIfAbsent(r.fingerprintSha256(), r)));
        return List.copyOf(roots.values());
    }

    /**
     * The validity of every rendered CA as each cluster sees it, like {@code MeshTrust.expiry}; a
     * root is marked signing when it issued that cluster's intermediate.
     */
    public ExpiryReport expiry(Instant now, Duration warnBelow) {
        List<CaValidity> entries = new ArrayList<>();
        for (ClusterCas cas : byCluster.values()) {
            cas.intermediate().ifPresent(i -> entries.add(validity(cas.cluster(), CaValidity.Role.INTERMEDIATE, i, true, now, warnBelow)));
            for (CaCertificate root : cas.roots()) {
                boolean signing = cas.intermediate().isEmpty() || cas.roots().size() == 1
                        || issuerOf(cas.intermediate().get(), root);
                entries.add(validity(cas.cluster(), CaValidity.Role.ROOT, root, signing, now, warnBelow));
            }
        }
        return new ExpiryReport(now, warnBelow, entries);
    }

    private static boolean issuerOf(CaCertificate intermediate, CaCertificate root) {
        return intermediate.issuer().equals(root.subject());
    }

    private static CaValidity validity(String cluster, CaValidity.Role role, CaCertificate ca, boolean signing, Instant now, Duration warnBelow) {
        return new CaValidity(cluster, role, ca.subject(), ca.fingerprintSha256(), signing, ca.notBefore(), ca.notAfter(),
                Duration.between(now, ca.notAfter()), CaValidity.status(now, ca.notBefore(), ca.notAfter(), warnBelow));
    }
}
