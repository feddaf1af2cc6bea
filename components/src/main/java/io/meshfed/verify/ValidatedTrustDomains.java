package io.meshfed.verify;

import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.HelmRelease;
import io.meshfed.trust.AcceptedPeers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which client SPIFFE IDs a cluster's proxies accept on inbound mTLS, read from its rendered istiod
 * Helm values as istiod computes it (Istio 1.30.3): {@code TrustDomainsForValidation} — the mesh
 * config's {@code trustDomain}, its {@code trustDomainAliases} and every
 * {@code caCertificates[].trustDomains} — or nothing to check when {@code PILOT_SKIP_VALIDATE_TRUST_DOMAIN}
 * is true (pilot/pkg/networking/plugin/authn/util.go, pilot/pkg/features/security.go); each domain
 * becomes a {@code spiffe://<td>/} prefix match (pilot/pkg/security/model/authentication.go).
 */
final class ValidatedTrustDomains {

    /** The chart's own mesh config default (manifests/charts/istio-control/istio-discovery/templates/configmap.yaml). */
    static final String CHART_DEFAULT_TRUST_DOMAIN = "cluster.local";
    static final String SKIP_VALIDATION = "PILOT_SKIP_VALIDATE_TRUST_DOMAIN";

    private ValidatedTrustDomains() {
    }

    /** What a server in this cluster accepts; throws when the cluster renders no istiod to configure it. */
    static AcceptedPeers serverAccepts(ClusterPlan cluster) {
        Map<?, ?> values = cluster.releases().stream().filter(r -> "istiod".equals(r.chart())).map(HelmRelease::values)
                .findFirst().orElseThrow(() -> new IllegalStateException("cluster " + cluster.cluster()
                        + " renders no istiod release, so nothing configures its proxies' inbound mTLS"));
        if (parseBool(env(values).get(SKIP_VALIDATION))) {
            return AcceptedPeers.anyPeer();
        }
        Map<?, ?> meshConfig = map(values.get("meshConfig"));
        Set<String> domains = new TreeSet<>();
        Object trustDomain = meshConfig.get("trustDomain");
        domains.add(trustDomain == null ? CHART_DEFAULT_TRUST_DOMAIN : String.valueOf(trustDomain));
        strings(meshConfig.get("trustDomainAliases")).forEach(domains::add);
        for (Object entry : list(meshConfig.get("caCertificates"))) {
            strings(map(entry).get("trustDomains")).forEach(domains::add);
        }
        domains.remove("");
        return AcceptedPeers.inTrustDomains(domains);
    }

    /**
     * The istiod container's extra environment: {@code env}, overridden by {@code pilot.env}, which
     * the chart copies to the top level (manifests/charts/istio-control/istio-discovery/templates/
     * zzy_descope_legacy.yaml, deployment.yaml).
     */
    private static Map<Object, Object> env(Map<?, ?> values) {
        Map<Object, Object> env = new LinkedHashMap<>(map(values.get("env")));
        env.putAll(map(map(values.get("pilot")).get("env")));
        return env;
    }

    /** Go's strconv.ParseBool, as Istio reads boolean variables (pkg/env/var.go); anything else keeps the default false. */
    static boolean parseBool(Object value) {
        return value != null && Set.of("1", "t", "T", "TRUE", "true", "True").contains(String.valueOf(value));
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
