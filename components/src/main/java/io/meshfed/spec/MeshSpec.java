package io.meshfed.spec;

import java.util.List;
import java.util.Optional;

/**
 * The whole declarative mesh: clusters, Istio, trust, the service inventory and the federation,
 * access, traffic and failover policies. Immutable; validate with {@link SpecValidator} before use.
 */
public record MeshSpec(
        String name,
        List<ClusterSpec> clusters,
        IstioSpec istio,
        TrustSpec trust,
        List<ServiceSpec> services,
        FederationSpec federation,
        AccessSpec access,
        List<TrafficPolicySpec> traffic,
        List<FailoverSpec> failover) {

    public MeshSpec {
        istio = istio == null ? IstioSpec.defaults() : istio;
        clusters = istio.ambient() ? withAmbientTrustDomain(Lists.of(clusters), name) : Lists.of(clusters);
        trust = trust == null ? TrustSpec.defaults() : trust;
        services = Lists.of(services);
        federation = federation == null ? FederationSpec.none() : federation;
        access = access == null ? AccessSpec.none() : access;
        traffic = Lists.of(traffic);
        failover = Lists.of(failover);
    }

    /**
     * Ambient mode has one trust domain for the whole mesh (SpecValidator says why), so a cluster
     * without one gets the mesh name rather than its own name.
     */
    private static List<ClusterSpec> withAmbientTrustDomain(List<ClusterSpec> clusters, String meshName) {
        if (meshName == null || clusters.stream().allMatch(c -> c == null || c.hasTrustDomain())) {
            return clusters;
        }
        return Lists.of(clusters.stream().map(c -> c == null || c.hasTrustDomain() ? c : c.withTrustDomain(meshName)).toList());
    }

    public Optional<ClusterSpec> cluster(String clusterName) {
        return clusters.stream().filter(c -> c.name().equals(clusterName)).findFirst();
    }

    public ClusterSpec requireCluster(String clusterName) {
        return cluster(clusterName).orElseThrow(() -> new IllegalArgumentException("unknown cluster " + clusterName));
    }

    /** The inventory entries of one service (by name and namespace) across clusters. */
    public List<ServiceSpec> backings(String service, String namespace) {
        return services.stream().filter(s -> s.name().equals(service) && s.namespace().equals(namespace)).toList();
    }

    public MeshSpec withAccess(AccessSpec newAccess) {
        return new MeshSpec(name, clusters, istio, trust, services, federation, newAccess, traffic, failover);
    }

    public MeshSpec withTraffic(List<TrafficPolicySpec> newTraffic) {
        return new MeshSpec(name, clusters, istio, trust, services, federation, access, newTraffic, failover);
    }

    public boolean ambient() {
        return istio.ambient();
    }

    /**
     * The suffix of a federated service's host name. Upstream Istio's ambient multicluster has no
     * global host names: a Service labelled {@code istio.io/global} keeps its Kubernetes name in every
     * cluster (the ambient profile's {@code serviceScopeConfigs}, pilot/pkg/serviceregistry/ambient/
     * services.go {@code matchServiceScope}, Istio 1.30.3), so ambient meshes in the upstream flavor use
     * {@code svc.cluster.local}; sidecar meshes and Solo's flavor use {@link FederationSpec#effectiveSuffix}.
     */
    public String globalHostSuffix() {
        return ambient() && !istio.soloEastWestGateways() ? FederationSpec.KUBERNETES : federation.effectiveSuffix(ambient());
    }
}
