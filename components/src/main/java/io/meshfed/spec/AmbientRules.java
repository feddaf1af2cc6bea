package io.meshfed.spec;

/**
 * Rules only ambient meshes have. Istio 1.30.3's ambient index gives every workload it reads from
 * another cluster, and every network gateway, the local mesh config's trust domain
 * (pilot/pkg/serviceregistry/ambient/workloads.go {@code pickTrustDomain}, used for pods,
 * WorkloadEntries and {@code convertGateway}; istio/istio#61608), and nothing in a Gateway or the
 * mesh config names another one, so a client's ztunnel expects the callee and the remote east-west
 * gateway under its own trust domain. Per-cluster trust domains therefore cannot work in ambient
 * mode: the mesh has one (MeshSpec defaults it to the mesh name).
 */
final class AmbientRules {

    private final MeshSpec spec;
    private final Problems problems;

    AmbientRules(MeshSpec spec, Problems problems) {
        this.spec = spec;
        this.problems = problems;
    }

    void check() {
        if (!spec.ambient()) {
            return;
        }
        hostSuffix();
        if (spec.clusters().isEmpty()) {
            return;
        }
        ClusterSpec first = spec.clusters().get(0);
        if (first == null || first.effectiveTrustDomain() == null) {
            return; // "clusters[0]" reports it
        }
        for (int i = 1; i < spec.clusters().size(); i++) {
            ClusterSpec c = spec.clusters().get(i);
            if (c == null || c.effectiveTrustDomain() == null) {
                continue;
            }
            if (!c.effectiveTrustDomain().equals(first.effectiveTrustDomain())) {
                problems.add("clusters[" + i + "].trustDomain", "ambient mode needs one trust domain for the whole mesh: istiod gives "
                        + "remote workloads and network gateways its own (istio/istio#61608), so '" + c.effectiveTrustDomain()
                        + "' here and '" + first.effectiveTrustDomain() + "' in clusters[0] cannot reach each other; "
                        + "set the same trustDomain everywhere or leave it out (the mesh name)");
            }
            sameGatewayNamespace(i, c, first);
        }
    }

    /**
     * Upstream Istio 1.30.3 has no global host names for ambient meshes: a ServiceEntry under another
     * name never becomes a GLOBAL service, so ztunnel gets none of its remote endpoints
     * (pilot/pkg/serviceregistry/ambient/multicluster.go, services.go); a global service keeps its
     * Kubernetes name ({@link MeshSpec#globalHostSuffix}). Solo's flavor has its own.
     */
    private void hostSuffix() {
        String suffix = spec.federation().hostSuffix();
        if (suffix != null && !suffix.isBlank() && !spec.istio().soloEastWestGateways()) {
            problems.add("federation.hostSuffix", "upstream Istio's ambient multicluster has no global host names: a federated "
                    + "service keeps its Kubernetes name (<service>.<namespace>.svc.cluster.local) in every cluster; leave hostSuffix out "
                    + "(mesh.internal names come with istio.eastWestGatewayFlavor: solo)");
        }
    }

    /**
     * A cluster's istio-remote Gateway for a peer names the peer's east-west gateway identity with
     * its own namespace (pilot/pkg/serviceregistry/ambient/networks.go: ServiceAccount namespace =
     * the istio-remote Gateway's namespace), so the east-west gateways must share one namespace.
     */
    private void sameGatewayNamespace(int i, ClusterSpec c, ClusterSpec first) {
        String ns = c.eastWestGateway().namespace();
        String firstNs = first.eastWestGateway().namespace();
        if (ns != null && firstNs != null && !ns.equals(firstNs)) {
            problems.add("clusters[" + i + "].eastWestGateway.namespace", "ambient peers expect the remote east-west gateway's "
                    + "service account in their own namespace, so every cluster needs the same one: '" + ns + "' here, '" + firstNs
                    + "' in clusters[0]");
        }
    }
}
