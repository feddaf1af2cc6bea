package io.meshfed.verify;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.MeshPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ambient: whether the source cluster's ztunnel can reach a WorkloadEntry on another network
 * through the destination cluster's east-west gateway, as Istio 1.30.3 decides it.
 * <ul>
 * <li>The destination renders an east-west gateway of the configured flavor: upstream
 * {@code istio-east-west} (pkg/config/constants/constants.go) with an HBONE listener in
 * {@code Terminate} mode (pilot/pkg/serviceregistry/ambient/networks.go
 * {@code remoteK8sGatewayToNetworkGateways}); Solo's {@code istio-eastwest} with an HBONE listener.</li>
 * <li>The source knows the entry's network through an {@code istio-remote} Gateway with the
 * network label, an IPAddress/Hostname address and an HBONE listener (networks.go
 * {@code localK8sGatewayToNetworkGateways}), whose address is the destination's gateway.</li>
 * <li>The identity istiod gives that network gateway — the local trust domain, the
 * istio-remote Gateway's namespace and its service account (pilot/pkg/serviceregistry/ambient/
 * workloads.go {@code convertGateway}, pilot/pkg/serviceregistry/kube/conversion.go
 * {@code GatewaySA}) — is the one the destination's gateway holds: its own trust domain,
 * namespace and name (the east-west class is not suffixed, pilot/pkg/config/kube/gatewaycommon/
 * classinfo.go).</li>
 * </ul>
 */
final class AmbientEastWest {
    private static final String NETWORK_LABEL = "topology.istio.io/network";
    private static final String SERVICE_ACCOUNT = "gateway.istio.io/service-account";

    private AmbientEastWest() {
    }

    /**
     * Null when the entry's network is reachable from {@code sourceCluster}, else why not. ztunnel
     * dials the network gateway on the HBONE port of the peer's HBONE listener (networks.go), where the
     * destination's east-west gateway must listen.
     */
    static String problem(MeshPlan plan, String sourceCluster, String destinationCluster, String network) {
        boolean solo = plan.spec().istio().soloEastWestGateways();
        String eastWestClass = solo ? "istio-eastwest" : "istio-east-west";
        if (network == null) {
            return "it names no network, so ztunnel cannot tell it is behind a remote gateway";
        }
        Optional<Gateway> peer = gateways(plan, sourceCluster).stream()
                .filter(g -> "istio-remote".equals(g.getSpec().getGatewayClassName()))
                .filter(g -> network.equals(labels(g.getMetadata().getLabels()).get(NETWORK_LABEL)))
                .filter(g -> g.getSpec().getListeners().stream().anyMatch(l -> "HBONE".equals(l.getProtocol())))
                .filter(g -> g.getSpec().getAddresses() != null && g.getSpec().getAddresses().stream()
                        .anyMatch(a -> List.of("IPAddress", "Hostname").contains(a.getType())))
                .findFirst();
        if (peer.isEmpty()) {
            return "cluster " + sourceCluster + " has no istio-remote gateway with an address and an HBONE listener for network " + network;
        }
        List<Long> ports = peer.get().getSpec().getListeners().stream().filter(l -> "HBONE".equals(l.getProtocol()))
                .map(l -> l.getPort().longValue()).toList();
        Optional<Gateway> eastWest = gateways(plan, destinationCluster).stream()
                .filter(g -> eastWestClass.equals(g.getSpec().getGatewayClassName()))
                .filter(g -> g.getSpec().getListeners().stream().anyMatch(l -> hbone(l, ports) && (solo || terminates(l))))
                .findFirst();
        if (eastWest.isEmpty()) {
            return "cluster " + destinationCluster + " renders no " + eastWestClass + " gateway with an HBONE listener on " + ports
                    + (solo ? "" : " in tls mode Terminate");
        }
        return peerProblem(plan.spec(), sourceCluster, destinationCluster, peer.get(), eastWest.get());
    }

    private static String peerProblem(MeshSpec spec, String sourceCluster, String destinationCluster, Gateway peer, Gateway eastWest) {
        String name = "istio-remote gateway " + peer.getMetadata().getNamespace() + "/" + peer.getMetadata().getName() + " in " + sourceCluster;
        String gatewayAddress = spec.requireCluster(destinationCluster).eastWestGateway().address();
        if (peer.getSpec().getAddresses().stream().noneMatch(a -> a.getValue().equals(gatewayAddress))) {
            return name + " points at " + peer.getSpec().getAddresses().stream().map(a -> a.getValue()).toList()
                    + ", not at the east-west gateway of " + destinationCluster + " (" + gatewayAddress + ")";
        }
        String account = labels(peer.getMetadata().getAnnotations()).getOrDefault(SERVICE_ACCOUNT,
                peer.getMetadata().getName() + "-istio-remote");
        String expected = spiffe(spec.requireCluster(sourceCluster).effectiveTrustDomain(), peer.getMetadata().getNamespace(), account);
        String actual = spiffe(spec.requireCluster(destinationCluster).effectiveTrustDomain(), eastWest.getMetadata().getNamespace(),
                eastWest.getMetadata().getName());
        return expected.equals(actual) ? null
                : name + " gives the east-west gateway of " + destinationCluster + " the identity " + expected + ", but it is " + actual;
    }

    private static String spiffe(String trustDomain, String namespace, String serviceAccount) {
        return "spiffe://" + trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
    }

    private static List<Gateway> gateways(MeshPlan plan, String cluster) {
        return plan.cluster(cluster).ofType(Gateway.class);
    }

    private static boolean hbone(Listener l, List<Long> ports) {
        return "HBONE".equals(l.getProtocol()) && l.getPort() != null && ports.contains(l.getPort().longValue());
    }

    private static boolean terminates(Listener l) {
        return l.getTls() != null && "Terminate".equals(l.getTls().getMode());
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }
}
