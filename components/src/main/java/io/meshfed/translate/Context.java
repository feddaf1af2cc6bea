package io.meshfed.translate;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.ExportSpec;
import io.meshfed.spec.FailoverSpec;
import io.meshfed.spec.FederationGraph;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.ServiceSpec;
import io.meshfed.spec.TrafficPolicySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What every translation step shares: the spec, the federation graph, global hosts and trust. */
final class Context {

    static final String ROOT_NAMESPACE = "istio-system";
    static final String CLUSTER_LABEL = "topology.istio.io/cluster";
    static final String NETWORK_LABEL = "topology.istio.io/network";
    /**
     * Which cluster a WorkloadEntry stands for. Not {@code topology.istio.io/cluster}: istiod
     * overwrites that label on every endpoint with the cluster it read the entry from.
     */
    static final String BACKING_CLUSTER_LABEL = "meshfed.io/cluster";

    final MeshSpec spec;
    final FederationGraph graph;
    final GlobalHosts hosts;
    final TrustSource trust;
    private final Map<String, List<ServiceSpec>> servicesByCluster = new HashMap<>();
    private final Map<String, Map<String, List<ServiceSpec>>> servicesByClusterAndName = new HashMap<>();
    private final Map<String, FailoverSpec> failoverByService = new HashMap<>();
    private final Map<String, List<ExportSpec>> exportsByParticipant = new HashMap<>();
    private final Map<String, List<TrafficPolicySpec>> trafficBySourceCluster = new HashMap<>();
    /** Per backing cluster and service name, the namespaces it is exported from. */
    private final Map<String, Set<String>> exportedNamespaces = new HashMap<>();
    /** Computed once by {@link TrafficTranslation}: the services that may need a local-host DestinationRule. */
    Set<String> localRuleServices;

    Context(MeshSpec spec, TrustSource trust) {
        this.spec = spec;
        this.graph = new FederationGraph(spec);
        this.hosts = new GlobalHosts(spec, graph);
        this.trust = trust;
        for (ServiceSpec s : spec.services()) {
            servicesByCluster.computeIfAbsent(s.cluster(), c -> new ArrayList<>()).add(s);
            servicesByClusterAndName.computeIfAbsent(s.cluster(), c -> new HashMap<>())
                    .computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
        }
        // Per cluster, in spec order, what is written into it: asking every export and every
        // traffic policy from every cluster would cost clusters x services lookups.
        for (ExportSpec e : spec.federation().exports()) {
            for (String cluster : graph.participants(e.service(), e.namespace())) {
                exportsByParticipant.computeIfAbsent(cluster, c -> new ArrayList<>()).add(e);
            }
            for (String backing : graph.backingClusters(e.service(), e.namespace())) {
                exportedNamespaces.computeIfAbsent(backing + "/" + e.service(), k -> new java.util.HashSet<>()).add(e.namespace());
            }
        }
        for (TrafficPolicySpec t : spec.traffic()) {
            for (String cluster : graph.sourceClusters(t)) {
                List<TrafficPolicySpec> policies = trafficBySourceCluster.computeIfAbsent(cluster, c -> new ArrayList<>());
                if (policies.isEmpty() || policies.get(policies.size() - 1) != t) {
                    policies.add(t);
                }
            }
        }
        for (FailoverSpec f : spec.failover()) {
            failoverByService.putIfAbsent(f.service().namespace() + "/" + f.service().service(), f);
        }
    }

    ObjectMeta meta(String name, String namespace, Parent parent) {
        return new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(parent.labels(spec.name())).build();
    }

    ObjectMeta meta(String name, String namespace, Parent parent, Map<String, String> extraLabels) {
        ObjectMeta meta = meta(name, namespace, parent);
        meta.getLabels().putAll(extraLabels);
        return meta;
    }

    ClusterSpec cluster(String name) {
        return graph.cluster(name).orElseThrow(() -> new IllegalArgumentException("unknown cluster " + name));
    }

    /** The address other clusters use for this cluster's east-west gateway; a placeholder until known. */
    String gatewayAddress(String cluster) {
        return GatewayAddressPlaceholder.addressOf(cluster(cluster));
    }

    /**
     * The endpoint labels that pick one backing cluster's endpoints of a global host, as seen from
     * {@code viewer}: its own pods carry its network (istiod adds it), remote ones are
     * WorkloadEntries labelled with the cluster they stand for.
     */
    Map<String, String> backingClusterSelector(String viewer, String backing) {
        return viewer.equals(backing)
                ? Map.of(NETWORK_LABEL, cluster(viewer).effectiveNetwork())
                : Map.of(BACKING_CLUSTER_LABEL, backing);
    }

    int remotePort() {
        return spec.ambient() ? io.meshfed.spec.EastWestGatewaySpec.HBONE_PORT : io.meshfed.spec.EastWestGatewaySpec.SIDECAR_MTLS_PORT;
    }

    String spiffeId(String cluster, ServiceSpec service) {
        return "spiffe://" + principal(cluster, service.namespace(), service.effectiveServiceAccount());
    }

    /** An AuthorizationPolicy principal: trust domain, namespace and service account, no {@code spiffe://}. */
    String principal(String cluster, String namespace, String serviceAccount) {
        return cluster(cluster).effectiveTrustDomain() + "/ns/" + namespace + "/sa/" + serviceAccount;
    }

    /** The exports in whose federation this cluster participates, in spec order. */
    List<ExportSpec> exportsInto(String cluster) {
        return Collections.unmodifiableList(exportsByParticipant.getOrDefault(cluster, List.of()));
    }

    /** The traffic policies written into this cluster ({@link FederationGraph#sourceClusters}), in spec order. */
    List<TrafficPolicySpec> trafficInto(String cluster) {
        return Collections.unmodifiableList(trafficBySourceCluster.getOrDefault(cluster, List.of()));
    }

    /** The inventory entries of one cluster, in spec order. */
    List<ServiceSpec> servicesIn(String cluster) {
        return Collections.unmodifiableList(servicesByCluster.getOrDefault(cluster, List.of()));
    }

    /** The inventory entries of one cluster with one of these names (any namespace), in spec order. */
    List<ServiceSpec> servicesIn(String cluster, List<String> names) {
        Map<String, List<ServiceSpec>> byName = servicesByClusterAndName.getOrDefault(cluster, Collections.emptyMap());
        if (names.size() == 1) {
            return byName.getOrDefault(names.get(0), List.of());
        }
        List<ServiceSpec> all = servicesIn(cluster);
        List<ServiceSpec> result = new ArrayList<>();
        for (ServiceSpec s : all) {
            if (names.contains(s.name())) {
                result.add(s);
            }
        }
        return result;
    }

    /** True when the cluster backs exported services of this name in more than one namespace. */
    boolean exportedInSeveralNamespaces(String cluster, String service) {
        return exportedNamespaces.getOrDefault(cluster + "/" + service, Set.of()).size() > 1;
    }

    /** The first failover policy of a service, if any. */
    Optional<FailoverSpec> failover(String service, String namespace) {
        return Optional.ofNullable(failoverByService.get(namespace + "/" + service));
    }
}
