package io.meshfed.spec;

/** One Kubernetes cluster of the mesh and how to reach it. */
public record ClusterSpec(
        String name,
        String kubeconfig,
        String context,
        String network,
        LocalitySpec locality,
        String trustDomain,
        EastWestGatewaySpec eastWestGateway) {

    public ClusterSpec {
        locality = locality == null ? LocalitySpec.none() : locality;
        eastWestGateway = eastWestGateway == null ? EastWestGatewaySpec.defaults() : eastWestGateway;
    }

    /** The network name; defaults to {@code <cluster>-network} so every cluster is its own network. */
    public String effectiveNetwork() {
        return network == null || network.isBlank() ? name + "-network" : network;
    }

    /**
     * The SPIFFE trust domain; defaults to the cluster name so that RBAC can tell clusters apart
     * (in ambient mode {@link MeshSpec} fills in one mesh-wide default instead).
     */
    public String effectiveTrustDomain() {
        return hasTrustDomain() ? trustDomain : name;
    }

    public boolean hasTrustDomain() {
        return trustDomain != null && !trustDomain.isBlank();
    }

    public ClusterSpec withTrustDomain(String newTrustDomain) {
        return new ClusterSpec(name, kubeconfig, context, network, locality, newTrustDomain, eastWestGateway);
    }
}
