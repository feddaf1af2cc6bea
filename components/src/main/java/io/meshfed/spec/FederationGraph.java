package io.meshfed.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who can reach what: for a service, the clusters that back it, the clusters it is exported from
 * and the clusters that consume it. Validation and translation both ask this one place.
 *
 * <p>The inventory and the exports are indexed by service once, in the constructor, and the
 * answers for a service are computed on first use and kept, so that a translation asking about
 * every service from every cluster stays linear in the size of the mesh.
 */
public final class FederationGraph {

    private record Key(String service, String namespace) {
    }

    /** Everything the graph knows about one service, computed once. */
    private static final class Facts {
        final Optional<ExportSpec> export;
        final List<ServiceSpec> backings;
        final List<String> backingClusters;
        final List<String> exportedFrom;
        final Set<String> exportedFromSet;
        final List<String> importers;
        final Set<String> importerSet;
        final Set<String> participants;
        final List<String> consumers;
        final Set<String> consumerSet;

        Facts(Optional<ExportSpec> export, List<ServiceSpec> backings, List<String> clusterNames) {
            this.export = export;
            this.backings = backings;
            this.backingClusters = backings.stream().map(ServiceSpec::cluster).distinct().toList();
            this.exportedFrom = export.map(e -> e.from().isEmpty() ? backingClusters : e.from()).orElse(List.of());
            this.exportedFromSet = setOf(exportedFrom);
            this.importers = export.map(e -> e.to().isEmpty() ? clusterNames : e.to()).orElse(List.of());
            this.importerSet = setOf(importers);
            Set<String> all = new LinkedHashSet<>();
            if (export.isPresent()) {
                all.addAll(exportedFrom);
                all.addAll(importers);
            }
            this.participants = Collections.unmodifiableSet(all);
            List<String> reaching = new ArrayList<>();
            for (String consumer : clusterNames) {
                if (backingClusters.stream().anyMatch(b -> reachable(consumer, b))) {
                    reaching.add(consumer);
                }
            }
            this.consumers = Collections.unmodifiableList(reaching);
            this.consumerSet = setOf(reaching);
        }

        boolean reachable(String consumer, String backing) {
            if (consumer == null || !backingClusters.contains(backing)) {
                return false;
            }
            if (consumer.equals(backing)) {
                return true;
            }
            return exportedFromSet.contains(backing) && importerSet.contains(consumer);
        }

        /** A set that, like the list it indexes, tolerates null (a cluster name missing from an invalid spec). */
        private static Set<String> setOf(List<String> names) {
            return Collections.unmodifiableSet(new HashSet<>(names));
        }
    }

    private final MeshSpec spec;
    private final List<String> clusterNames;
    private final Map<String, ClusterSpec> clusters = new HashMap<>();
    private final Map<Key, ExportSpec> exports = new HashMap<>();
    private final Map<Key, List<ServiceSpec>> backings = new HashMap<>();
    private final Map<Key, Facts> facts = new ConcurrentHashMap<>();

    /**
     * Indexes the spec. Validation asks the graph before it knows the spec is sound, so empty
     * entries and clusters without a name are left out here; the validator reports them.
     */
    public FederationGraph(MeshSpec spec) {
        this.spec = spec;
        this.clusterNames = spec.clusters().stream().filter(c -> c != null && c.name() != null).map(ClusterSpec::name).toList();
        spec.clusters().stream().filter(c -> c != null && c.name() != null).forEach(c -> clusters.putIfAbsent(c.name(), c));
        for (ExportSpec e : spec.federation().exports()) {
            if (e != null) {
                exports.putIfAbsent(new Key(e.service(), e.namespace()), e);
            }
        }
        Map<Key, List<ServiceSpec>> grouped = new HashMap<>();
        for (ServiceSpec s : spec.services()) {
            if (s != null) {
                grouped.computeIfAbsent(new Key(s.name(), s.namespace()), k -> new ArrayList<>()).add(s);
            }
        }
        grouped.forEach((key, list) -> backings.put(key, List.copyOf(list)));
    }

    private Facts facts(String service, String namespace) {
        return facts.computeIfAbsent(new Key(service, namespace), key -> new Facts(
                Optional.ofNullable(exports.get(key)), backings.getOrDefault(key, List.of()), clusterNames));
    }

    public MeshSpec spec() {
        return spec;
    }

    /** {@link MeshSpec#cluster}, indexed. */
    public Optional<ClusterSpec> cluster(String clusterName) {
        return Optional.ofNullable(clusters.get(clusterName));
    }

    public Optional<ExportSpec> export(String service, String namespace) {
        return facts(service, namespace).export;
    }

    /** The inventory entries of one service across clusters, in spec order: {@link MeshSpec#backings}, indexed. */
    public List<ServiceSpec> backings(String service, String namespace) {
        return facts(service, namespace).backings;
    }

    /** The service's inventory entry in one cluster, if it runs there. */
    public Optional<ServiceSpec> backing(String service, String namespace, String cluster) {
        return facts(service, namespace).backings.stream().filter(b -> cluster.equals(b.cluster())).findFirst();
    }

    /** Clusters whose workloads of the service are reachable from other clusters. */
    public List<String> exportedFrom(String service, String namespace) {
        return facts(service, namespace).exportedFrom;
    }

    /** Clusters that import the exported service (never the backing cluster itself). */
    public List<String> importers(String service, String namespace) {
        return facts(service, namespace).importers;
    }

    public List<String> backingClusters(String service, String namespace) {
        return facts(service, namespace).backingClusters;
    }

    /** True when a client in {@code consumer} can reach the service's workloads in {@code backing}. */
    public boolean reachable(String consumer, String backing, String service, String namespace) {
        return facts(service, namespace).reachable(consumer, backing);
    }

    /** Every cluster that participates in the service's federation: backing exporters and importers. */
    public Set<String> participants(String service, String namespace) {
        return facts(service, namespace).participants;
    }

    /** Clusters from which the service is reachable at all (locally or through federation). */
    public List<String> consumers(String service, String namespace) {
        return facts(service, namespace).consumers;
    }

    /** The clusters a traffic policy is written into: its sourceClusters, or every consumer of its destination. */
    public List<String> sourceClusters(TrafficPolicySpec policy) {
        return policy.sourceClusters().isEmpty()
                ? consumers(policy.destination().service(), policy.destination().namespace())
                : policy.sourceClusters();
    }

    /** Whether {@link #sourceClusters} contains {@code cluster}, without scanning the consumers. */
    public boolean writesInto(TrafficPolicySpec policy, String cluster) {
        return policy.sourceClusters().isEmpty()
                ? facts(policy.destination().service(), policy.destination().namespace()).consumerSet.contains(cluster)
                : policy.sourceClusters().contains(cluster);
    }

    public boolean federated(String service, String namespace) {
        return export(service, namespace).isPresent();
    }
}
