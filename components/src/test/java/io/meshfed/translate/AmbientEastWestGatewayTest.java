package io.meshfed.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.meshfed.spec.SpecLoader;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The ambient east-west gateway and the istio-remote peers: upstream Istio 1.30.3's form by default,
 * Solo's (seed 004) only with istio.eastWestGatewayFlavor: solo.
 */
class AmbientEastWestGatewayTest {

    static MeshPlan ambient(String flavor) throws Exception {
        String stack = Files.readString(Examples.stackFile("ambient"));
        return Examples.plan(SpecLoader.load(flavor == null ? stack
                : stack.replace("      mode: ambient\n", "      mode: ambient\n      eastWestGatewayFlavor: " + flavor + "\n"), "ambient"));
    }

    private static Gateway gateway(MeshPlan plan, String cluster, String name) {
        return plan.cluster(cluster).ofType(Gateway.class).stream().filter(g -> g.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static String listeners(Gateway g) {
        return g.getSpec().getListeners().stream().map(AmbientEastWestGatewayTest::describe).toList().toString();
    }

    private static String describe(Listener l) {
        return l.getName() + " " + l.getPort() + "/" + l.getProtocol()
                + (l.getTls() == null ? "" : " " + l.getTls().getMode() + (l.getTls().getOptions() == null || l.getTls().getOptions().isEmpty() ? "" : " " + new TreeMap<>(l.getTls().getOptions())));
    }

    @Test
    void upstreamEastWestGatewayIsWhatNetworksGoAndGenEastwestGatewayShExpect() throws Exception {
        // pkg/config/constants/constants.go EastWestGatewayClassName; pilot/pkg/serviceregistry/ambient/networks.go
        // remoteK8sGatewayToNetworkGateways: network label, HBONE listener with tls mode Terminate;
        // samples/multicluster/gen-eastwest-gateway.sh --ambient: ISTIO_MUTUAL termination (Istio 1.30.3).
        Gateway eastWest = gateway(ambient(null), "cluster1", "istio-eastwest");
        assertEquals("istio-east-west", eastWest.getSpec().getGatewayClassName());
        assertEquals("[mesh 15008/HBONE Terminate {gateway.istio.io/tls-terminate-mode=ISTIO_MUTUAL}]", listeners(eastWest));
        assertEquals(Map.of("topology.istio.io/network", "cluster1"), withoutMeshfedLabels(eastWest.getMetadata().getLabels()));
    }

    @Test
    void upstreamPeerIsAnIstioRemoteGatewayWithAddressNetworkAndHboneListener() throws Exception {
        // networks.go localK8sGatewayToNetworkGateways; pilot/pkg/serviceregistry/kube/conversion.go GatewaySA reads
        // gateway.istio.io/service-account; no trust-domain annotation is read anywhere in Istio 1.30.3.
        Gateway peer = gateway(ambient(null), "cluster1", "istio-remote-peer-cluster2");
        assertEquals("istio-remote", peer.getSpec().getGatewayClassName());
        assertEquals(Map.of("topology.istio.io/network", "cluster2"), withoutMeshfedLabels(peer.getMetadata().getLabels()));
        assertEquals(Map.of("gateway.istio.io/service-account", "istio-eastwest"), peer.getMetadata().getAnnotations());
        assertEquals("Hostname ew.cluster2.example.com",
                peer.getSpec().getAddresses().get(0).getType() + " " + peer.getSpec().getAddresses().get(0).getValue());
        assertEquals("[mesh 15008/HBONE]", listeners(peer));
    }

    @Test
    void soloFlavorKeepsSeed004sForm() throws Exception {
        MeshPlan solo = ambient("solo");
        Gateway eastWest = gateway(solo, "cluster2", "istio-eastwest");
        assertEquals("istio-eastwest", eastWest.getSpec().getGatewayClassName());
        assertEquals("[cross-network 15008/HBONE Passthrough, xds-tls 15012/TLS Passthrough]", listeners(eastWest));
        assertEquals(Map.of("topology.istio.io/network", "cluster2", "istio.io/expose-istiod", "15012"),
                withoutMeshfedLabels(eastWest.getMetadata().getLabels()));
        Gateway peer = gateway(solo, "cluster2", "istio-remote-peer-cluster1");
        assertEquals(Map.of("gateway.istio.io/service-account", "istio-eastwest", "gateway.istio.io/trust-domain", "ambient"),
                peer.getMetadata().getAnnotations());
        assertEquals(listeners(eastWest), listeners(peer));
    }

    private static Map<String, String> withoutMeshfedLabels(Map<String, String> labels) {
        Map<String, String> rest = new TreeMap<>(labels);
        rest.keySet().removeIf(k -> k.startsWith("meshfed.io/") || k.startsWith("app.kubernetes.io/"));
        return rest;
    }
}
