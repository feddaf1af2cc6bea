package io.meshfed.translate;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.FederationGraph;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    Context(MeshSpec spec, TrustSource trust) {
        this.spec = spec;
        this.graph = new FederationGraph(spec);
        this.hosts = new GlobalHosts(spec, graph);
        this.trust = trust;
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
        return spec.requireCluster(name);
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

    List<ServiceSpec> servicesIn(String cluster) {
        List<ServiceSpec> result = new ArrayList<>();
        for (ServiceSpec s : spec.services()) {
            if (s.cluster().equals(cluster)) {
                result.add(s);
            }
        }
        return result;
    }
}
