package io.meshfed.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who can reach what: for a service, the clusters that back it, the clusters it is exported from
 * and the clusters that consume it. Validation and translation both ask this one place.
 */
public final class FederationGraph {

    private final MeshSpec spec;

    public FederationGraph(MeshSpec spec) {
        this.spec = spec;
    }

    public Optional<ExportSpec> export(String service, String namespace) {
        return spec.federation().exports().stream()
                .filter(e -> e.service().equals(service) && e.namespace().equals(namespace))
                .findFirst();
    }

    /** Clusters whose workloads of the service are reachable from other clusters. */
    public List<String> exportedFrom(String service, String namespace) {
        return export(service, namespace).map(e -> e.from().isEmpty()
                ? backingClusters(service, namespace)
                : e.from()).orElse(List.of());
    }

    /** Clusters that import the exported service (never the backing cluster itself). */
    public List<String> importers(String service, String namespace) {
        return export(service, namespace).map(e -> e.to().isEmpty()
                ? spec.clusters().stream().map(ClusterSpec::name).toList()
                : e.to()).orElse(List.of());
    }

    public List<String> backingClusters(String service, String namespace) {
        return spec.backings(service, namespace).stream().map(ServiceSpec::cluster).distinct().toList();
    }

    /** True when a client in {@code consumer} can reach the service's workloads in {@code backing}. */
    public boolean reachable(String consumer, String backing, String service, String namespace) {
        if (!backingClusters(service, namespace).contains(backing)) {
            return false;
        }
        if (consumer.equals(backing)) {
            return true;
        }
        return exportedFrom(service, namespace).contains(backing) && importers(service, namespace).contains(consumer);
    }

    /** Every cluster that participates in the service's federation: backing exporters and importers. */
    public Set<String> participants(String service, String namespace) {
        Set<String> all = new LinkedHashSet<>();
        if (export(service, namespace).isEmpty()) {
            return all;
        }
        all.addAll(exportedFrom(service, namespace));
        all.addAll(importers(service, namespace));
        return all;
    }

    /** Clusters from which the service is reachable at all (locally or through federation). */
    public List<String> consumers(String service, String namespace) {
        return spec.clusters().stream().map(ClusterSpec::name)
                .filter(c -> backingClusters(service, namespace).stream().anyMatch(b -> reachable(c, b, service, namespace)))
                .toList();
    }

    /** The clusters a traffic policy is written into: its sourceClusters, or every consumer of its destination. */
    public List<String> sourceClusters(TrafficPolicySpec policy) {
        return policy.sourceClusters().isEmpty()
                ? consumers(policy.destination().service(), policy.destination().namespace())
                : policy.sourceClusters();
    }

    public boolean federated(String service, String namespace) {
        return export(service, namespace).isPresent();
    }
}
