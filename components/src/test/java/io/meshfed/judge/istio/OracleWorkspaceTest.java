package io.meshfed.judge.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Translator;
import io.meshfed.verify.SimulatedTrust;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OracleWorkspaceTest {

    static MeshPlan plan(String stack) {
        MeshSpec spec = SpecLoader.load(Path.of("../stacks/Pulumi." + stack + ".yaml"));
        return Translator.translate(spec, SimulatedTrust.shared(spec));
    }

    @Test
    void theLocalStacksEastClusterHasItsPodsGatewayAndRenderedFiles() {
        MeshPlan plan = plan("local");
        OracleWorkspace ws = OracleWorkspace.of(plan.spec(), plan.cluster("east"));
        Map<String, String> files = ws.files();
        assertTrue(files.containsKey("rendered/50-federation/workloadentry-httpbin-httpbin-west-v1.yaml"), files.keySet().toString());
        assertFalse(files.keySet().stream().anyMatch(f -> f.contains("secret")), "cacerts stays out: " + files.keySet());
        assertFalse(files.keySet().stream().anyMatch(f -> f.contains("helm-")), files.keySet().toString());
        assertEquals("10.100.0.1", ws.sample().pods().get(0).ip());
        assertTrue(ws.sample().pods().stream().anyMatch(SamplePod::gateway));
        String request = files.get("request.json");
        assertTrue(request.contains("\"REQUESTED_NETWORK_VIEW\" : \"east\""), request);
        assertTrue(request.contains("\"DNS_CAPTURE\" : \"true\""), request);
        assertTrue(files.get("inventory.yaml").contains("kind: \"EndpointSlice\""));
        ws.writeTo(Path.of("target/oracle-workspace/local/east"));
    }

    /**
     * Ambient: istio-cni's redirection annotation on captured pods, a waypoint and an east-west
     * gateway as istiod's deployment controller runs them (Service labels, status addresses), the
     * status istiod gives an istio-remote peer, and a request asking for ztunnel's view with istiod's
     * Helm values (the oracle applies the ambient profile).
     */
    @Test
    void theAmbientStacksCluster2HasRedirectedPodsWaypointAndEastWestGateway() throws Exception {
        MeshPlan plan = plan("ambient");
        OracleWorkspace ws = OracleWorkspace.of(plan.spec(), plan.cluster("cluster2"));
        SamplePod ratings = ws.sample().pods().stream().filter(p -> p.name().equals("ratings-v1-0")).findFirst().orElseThrow();
        assertEquals(SamplePod.ProxyKind.ZTUNNEL, ratings.proxy());
        SamplePod waypoint = ws.sample().pods().stream().filter(p -> p.proxy() == SamplePod.ProxyKind.WAYPOINT).findFirst().orElseThrow();
        assertEquals("waypoint", waypoint.serviceAccount());
        assertEquals("istio.io-mesh-controller", waypoint.labels().get("gateway.istio.io/managed"));
        assertEquals("none", waypoint.labels().get("istio.io/dataplane-mode"));
        SamplePod eastWest = ws.sample().pods().stream().filter(p -> p.proxy() == SamplePod.ProxyKind.EAST_WEST).findFirst().orElseThrow();
        assertEquals("istio.io-eastwest-controller", eastWest.labels().get("gateway.istio.io/managed"));
        assertEquals("cluster2", eastWest.labels().get("topology.istio.io/network"));

        var objects = ws.sample().objects();
        var pod = (io.fabric8.kubernetes.api.model.Pod) objects.stream().filter(o -> o.getMetadata().getName().equals("ratings-v1-0")).findFirst()
                .orElseThrow();
        assertEquals("enabled", pod.getMetadata().getAnnotations().get("ambient.istio.io/redirection"));
        var waypointService = (io.fabric8.kubernetes.api.model.Service) objects.stream().filter(o -> o instanceof io.fabric8.kubernetes.api.model.Service
                && o.getMetadata().getName().equals("waypoint")).findFirst().orElseThrow();
        assertEquals("istio.io-mesh-controller", waypointService.getMetadata().getLabels().get("gateway.istio.io/managed"));
        assertEquals(List.of(15021, 15008), waypointService.getSpec().getPorts().stream().map(p -> p.getPort()).toList());
        var gateways = objects.stream().filter(o -> o instanceof io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway)
                .map(o -> (io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway) o).toList();
        assertEquals(List.of(waypointService.getSpec().getClusterIP(), "waypoint.bookinfo-backend.svc.cluster.local"),
                statusAddresses(gateways, "waypoint"));
        assertEquals(List.of("ew.cluster2.example.com"), statusAddresses(gateways, "istio-eastwest"), "the LoadBalancer's address");
        assertEquals(List.of("ew.cluster1.example.com"), statusAddresses(gateways, "istio-remote-peer-cluster1"), "its spec address");

        String request = ws.files().get("request.json");
        assertTrue(request.contains("\"ambient\" : true"), request);
        assertTrue(request.contains("\"profile\" : \"ambient\""), request);
        assertTrue(request.contains("\"name\" : \"bookinfo-backend.waypoint-0\""), request);
        assertFalse(request.contains("\"name\" : \"bookinfo-backend.ratings-v1-0\""), "no Envoy next to ratings");
        assertEquals(Map.of("AMBIENT_ENABLE_MULTI_NETWORK", "true"), ws.env(), "the chart's env; the profile's is the oracle's to add");
    }

    private static List<String> statusAddresses(List<io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway> gateways, String name) {
        return gateways.stream().filter(g -> g.getMetadata().getName().equals(name)).findFirst().orElseThrow()
                .getStatus().getAddresses().stream().map(a -> a.getValue()).toList();
    }
}
