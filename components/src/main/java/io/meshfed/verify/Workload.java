package io.meshfed.verify;

import java.util.Map;

/**
 * One pod of the service inventory: Istio adds {@code topology.istio.io/cluster} to its endpoint
 * labels, so the labels here are the service's selector, its version and that cluster label.
 */
public record Workload(String cluster, String namespace, String service, String serviceAccount, String version,
        Map<String, String> labels, String trustDomain, String locality) {

    public Workload {
        labels = Map.copyOf(labels);
    }

    /** The AuthorizationPolicy principal: no {@code spiffe://} prefix. */
    public String principal() {
        return trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
    }

    public String spiffeId() {
        return "spiffe://" + principal();
    }

    public String describe() {
        return service + (version == null ? "" : "-" + version) + " in " + cluster + "/" + namespace;
    }
}
