package io.meshfed.spec;

import java.util.List;
import java.util.Map;

/**
 * Validation of {@code istio.values}: user values are merged over meshfed's istiod values, so they
 * must neither replace a mapping meshfed merges into nor set what meshfed derives from the spec
 * (the cluster's name, network and trust domain, the trust domains every cluster validates).
 */
final class ValuesRules {

    /** Paths meshfed writes into, which must stay mappings. */
    private static final List<String> MAPPINGS = List.of("global", "global.multiCluster", "meshConfig", "meshConfig.defaultConfig",
            "meshConfig.defaultConfig.proxyMetadata", "env");
    /** Paths meshfed sets, and the spec field to use instead. */
    private static final Map<String, String> DERIVED = Map.of(
            "global.meshID", "istio.meshId",
            "global.multiCluster.clusterName", "clusters[].name",
            "global.network", "clusters[].network",
            "meshConfig.trustDomain", "clusters[].trustDomain",
            "meshConfig.caCertificates", "clusters[].trustDomain (meshfed lists every trust domain of the mesh there)",
            "meshConfig.defaultConfig.proxyMetadata.ECC_SIGNATURE_ALGORITHM", "trust.keyType",
            "revision", "istio.revision",
            "profile", "istio.profile");

    private final Map<String, Object> values;
    private final Problems problems;

    ValuesRules(Map<String, Object> values, Problems problems) {
        this.values = values;
        this.problems = problems;
    }

    void check() {
        for (String path : MAPPINGS) {
            Object value = at(path);
            if (value != null && !(value instanceof Map)) {
                problems.add("istio.values." + path, "must be a mapping: meshfed merges its own settings into it");
            }
        }
        DERIVED.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(derived -> {
            if (at(derived.getKey()) != null) {
                problems.add("istio.values." + derived.getKey(), "meshfed sets this from the spec; use " + derived.getValue() + " instead");
            }
        });
    }

    /** The value at a dotted path, or null when a step is missing or not a mapping. */
    private Object at(String path) {
        Object node = values;
        for (String step : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(step);
        }
        return node;
    }
}
