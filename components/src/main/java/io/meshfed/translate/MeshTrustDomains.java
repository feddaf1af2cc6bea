package io.meshfed.translate;

import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.MeshSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The istiod {@code meshConfig.caCertificates} that let each cluster's sidecars accept the other
 * clusters' workloads. A sidecar's inbound TLS context only accepts client SPIFFE IDs under the
 * trust domains of {@code TrustDomainsForValidation} — the mesh's own trust domain, its aliases and
 * the {@code trustDomains} of every {@code caCertificates} entry — unless
 * {@code PILOT_SKIP_VALIDATE_TRUST_DOMAIN} is set (pilot/pkg/networking/plugin/authn/util.go,
 * pilot/pkg/features/security.go, pilot/pkg/security/model/authentication.go, Istio 1.30.3).
 * Aliases would also rewrite every AuthorizationPolicy principal to all of them, so clusters could
 * no longer be told apart (pilot/pkg/security/trustdomain/bundle.go); skipping validation drops
 * the check for every trust domain.
 *
 * <p>Each entry holds one root of the cluster's {@code root-cert.pem} — the roots it trusts anyway —
 * and every trust domain of the mesh, so it widens which trust domains are accepted, not which
 * roots. istiod reads an entry's {@code pem} only with {@code ISTIO_MULTIROOT_MESH} and then checks
 * just the first PEM block of it (pilot/pkg/bootstrap/server.go {@code initWorkloadTrustBundle},
 * pilot/pkg/trustbundle/trustbundle.go {@code verifyTrustAnchor}), hence one entry per root.
 */
final class MeshTrustDomains {

    private static final Pattern CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----\\R.*?-----END CERTIFICATE-----\\R?", Pattern.DOTALL);

    private MeshTrustDomains() {
    }

    /** Every cluster's trust domain, sorted. */
    static SortedSet<String> of(MeshSpec spec) {
        SortedSet<String> domains = new TreeSet<>();
        spec.clusters().stream().map(ClusterSpec::effectiveTrustDomain).forEach(domains::add);
        return domains;
    }

    /**
     * The {@code caCertificates} value for a cluster trusting {@code rootCertPem}, or empty when the
     * mesh has one trust domain (its own is always validated). A bundle without certificate blocks
     * (only a test's fake trust) gives one entry with the trust domains alone, which Istio accepts
     * as well (pilot/pkg/networking/plugin/authn/util_test.go).
     */
    static Optional<List<Map<String, Object>>> caCertificates(MeshSpec spec, String rootCertPem) {
        SortedSet<String> domains = of(spec);
        if (domains.size() < 2) {
            return Optional.empty();
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        Matcher roots = CERTIFICATE.matcher(rootCertPem == null ? "" : rootCertPem);
        while (roots.find()) {
            entries.add(entry(roots.group().endsWith("\n") ? roots.group() : roots.group() + "\n", domains));
        }
        if (entries.isEmpty()) {
            entries.add(entry(null, domains));
        }
        return Optional.of(entries);
    }

    private static Map<String, Object> entry(String pem, SortedSet<String> domains) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (pem != null) {
            entry.put("pem", pem);
        }
        entry.put("trustDomains", List.copyOf(domains));
        return entry;
    }
}
