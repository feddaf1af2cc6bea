package io.meshfed.judge.ambient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.judge.HttpRequest;
import io.meshfed.judge.istio.SamplePod;
import io.meshfed.verify.Workload;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ztunnel's outbound choices (istio/ztunnel 1.30.3 src/proxy/outbound.rs build_request, src/state.rs
 * load_balance, fetch_network_gateway) and inbound authorization on hand-written workload API views.
 */
class ZtunnelOutboundTest {

    private static final String CLIENT = """
            {"workload": {"uid": "c1//Pod/app/client-0", "name": "client-0", "namespace": "app", "addresses": ["CgAAAQ=="],
              "network": "n1", "tunnelProtocol": "HBONE", "trustDomain": "td", "serviceAccount": "client"}}""";
    private static final String SERVICE = """
            {"service": {"name": "svc", "namespace": "app", "hostname": "svc.app.svc.cluster.local",
              "addresses": [{"network": "n1", "address": "rBQAAQ=="}], "ports": [{"servicePort": 80, "targetPort": 8080}]}}""";

    /** A workload of svc at 10.0.0.{last} (base64 of the four bytes). */
    private static String endpoint(String name, String base64, String extra) {
        return """
                {"workload": {"uid": "c1//Pod/app/%s", "name": "%s", "namespace": "app", "addresses": ["%s"], "network": "n1",
                  "tunnelProtocol": "HBONE", "trustDomain": "td", "serviceAccount": "svc",
                  "services": {"app/svc.app.svc.cluster.local": {"ports": [{"servicePort": 80, "targetPort": 8080}]}}%s}}"""
                .formatted(name, name, base64, extra);
    }

    private static SamplePod pod(String name, String ip, String sa, SamplePod.ProxyKind kind) {
        Workload w = kind == SamplePod.ProxyKind.EAST_WEST ? null
                : new Workload("c1", "app", name.replaceFirst("-\\d+$", ""), sa, null, Map.of(), "td", "");
        return new SamplePod(w, name, kind == SamplePod.ProxyKind.EAST_WEST ? "istio-gateways" : "app", ip, sa, Map.of(), kind);
    }

    private static final SamplePod CLIENT_POD = pod("client-0", "10.0.0.1", "client", SamplePod.ProxyKind.ZTUNNEL);
    private static final List<SamplePod> PODS = List.of(CLIENT_POD, pod("a-0", "10.0.0.2", "svc", SamplePod.ProxyKind.ZTUNNEL),
            pod("b-0", "10.0.0.3", "svc", SamplePod.ProxyKind.ZTUNNEL), pod("c-0", "10.0.0.4", "svc", SamplePod.ProxyKind.ZTUNNEL),
            pod("d-0", "10.0.0.5", "other", SamplePod.ProxyKind.ZTUNNEL));

    private static AmbientCluster cluster(String name, String network, List<SamplePod> pods, String... addresses) throws IOException {
        ZtunnelView view = ZtunnelView.parse("{\"addresses\": [" + String.join(",", addresses) + "], \"authorizations\": []}");
        return new AmbientCluster(name, network, "td", view, pods, p -> {
            throw new AssertionError("no Envoy expected at " + p.name());
        });
    }

    private static AmbientCluster cluster(String policies, String... addresses) throws IOException {
        ZtunnelView view = ZtunnelView.parse("{\"addresses\": [" + String.join(",", addresses) + "], \"authorizations\": [" + policies + "]}");
        return new AmbientCluster("c1", "n1", "td", view, PODS, p -> {
            throw new AssertionError("no Envoy expected at " + p.name());
        });
    }

    private static List<AmbientLeg> send(AmbientMesh mesh, AmbientCluster c) {
        ZtunnelInbound inbound = new ZtunnelInbound(new HashSet<>());
        ZtunnelOutbound out = new ZtunnelOutbound(mesh, new EnvoyHops(inbound), inbound);
        return out.toService(c, CLIENT_POD, c.view().serviceByHostname("svc.app.svc.cluster.local").orElseThrow(), 80,
                HttpRequest.of("GET", "svc.app.svc.cluster.local", "/"));
    }

    private static List<AmbientLeg> send(AmbientCluster c) {
        return send(new AmbientMesh(Map.of("c1", c), Map.of()), c);
    }

    @Test
    void healthyEndpointsAreChosenByCapacityAndReachedOverHbone() throws IOException {
        AmbientCluster c = cluster("", CLIENT, SERVICE, endpoint("a-0", "CgAAAg==", ""), endpoint("b-0", "CgAAAw==", ", \"capacity\": 3"),
                endpoint("c-0", "CgAABA==", ", \"status\": \"UNHEALTHY\""));
        List<AmbientLeg> legs = send(c);
        assertEquals(2, legs.size(), "the unhealthy one is not chosen");
        assertEquals(0.25, legs.get(0).share(), 1e-9);
        assertEquals("a-0", legs.get(0).servedBy().name());
        assertEquals(0.75, legs.get(1).share(), 1e-9);
        assertTrue(legs.stream().allMatch(l -> l.ok() && l.mtls()));
        assertEquals(new TlsHop("spiffe://td/ns/app/sa/client", "c1", "spiffe://td/ns/app/sa/svc", "c1"), legs.get(0).tls().get(0));
        assertTrue(legs.get(0).hops().stream().anyMatch(h -> h.contains(":8080")), "the target port: " + legs.get(0).hops());
    }

    @Test
    void noEndpointIsNoHealthyUpstream() throws IOException {
        AmbientLeg leg = send(cluster("", CLIENT, SERVICE, endpoint("c-0", "CgAABA==", ", \"status\": \"UNHEALTHY\""))).get(0);
        assertEquals(503, leg.status());
        assertTrue(leg.reason().startsWith("no healthy upstream"), leg.reason());
    }

    @Test
    void theDestinationsZtunnelAppliesItsL4Policies() throws IOException {
        String deny = """
                {"name": "deny-app", "namespace": "app", "scope": "NAMESPACE", "action": "DENY",
                 "groups": [{"rules": [{"matches": [{"namespaces": [{"exact": "app"}]}]}]}]}""";
        AmbientLeg leg = send(cluster(deny, CLIENT, SERVICE, endpoint("a-0", "CgAAAg==", ""))).get(0);
        assertFalse(leg.ok());
        assertTrue(leg.reason().contains("DENY policy app/deny-app matched"), leg.reason());
    }

    @Test
    void aCertificateWithAnotherIdentityIsRefused() throws IOException {
        // d-0 runs as "other" while ztunnel's view says svc: the client verifies the workload's identity
        AmbientLeg leg = send(cluster("", CLIENT, SERVICE, endpoint("d-0", "CgAABQ==", ""))).get(0);
        assertEquals(503, leg.status());
        assertTrue(leg.reason().contains("presents spiffe://td/ns/app/sa/other, it expects spiffe://td/ns/app/sa/svc"), leg.reason());
    }

    @Test
    void aWorkloadOutsideTheMeshGetsPlaintext() throws IOException {
        AmbientLeg leg = send(cluster("", CLIENT, SERVICE, endpoint("a-0", "CgAAAg==", "").replace("\"tunnelProtocol\": \"HBONE\", ", ""))).get(0);
        assertTrue(leg.ok());
        assertFalse(leg.mtls());
    }

    private static final String REMOTE = """
            {"workload": {"uid": "n2/SplitHorizonWorkload/x", "name": "x", "namespace": "app", "network": "n2", "tunnelProtocol": "HBONE",
              "trustDomain": "td", "capacity": 2, %s
              "services": {"app/svc.app.svc.cluster.local": {"ports": [{"servicePort": 80, "targetPort": 8080}]}}}}""";
    private static final String GATEWAY_ADDRESS = "\"networkGateway\": {\"hostname\": {\"namespace\": \"gw\", \"hostname\": \"ew.n2\"}, \"hboneMtlsPort\": 15008},";

    @Test
    void aRemoteWorkloadWithoutANetworkGatewayCannotBeChosen() throws IOException {
        AmbientLeg leg = send(cluster("", CLIENT, SERVICE, REMOTE.formatted(""))).get(0);
        assertTrue(leg.reason().startsWith("no healthy upstream"), leg.reason());
    }

    @Test
    void aNetworkGatewayZtunnelDoesNotKnowIsUnknown() throws IOException {
        AmbientLeg leg = send(cluster("", CLIENT, SERVICE, REMOTE.formatted(GATEWAY_ADDRESS))).get(0);
        assertTrue(leg.reason().startsWith("unknown network gateway: gw/ew.n2:15008"), leg.reason());
    }

    @Test
    void theOuterTunnelIsVerifiedAgainstTheGatewaysIdentity() throws IOException {
        String gateway = """
                {"workload": {"uid": "NetworkGateway/n2/ew.n2/15008", "name": "gw", "namespace": "gw", "hostname": "ew.n2", "network": "n2",
                  "trustDomain": "td", "serviceAccount": "istio-eastwest"}}""";
        AmbientCluster c1 = cluster("", CLIENT, SERVICE, REMOTE.formatted(GATEWAY_ADDRESS), gateway);
        AmbientCluster c2 = cluster("c2", "n2", List.of(pod("ew-0", "10.1.0.9", "somebody-else", SamplePod.ProxyKind.EAST_WEST)));
        AmbientLeg leg = send(new AmbientMesh(Map.of("c1", c1, "c2", c2), Map.of("ew.n2", "c2")), c1).get(0);
        assertEquals(503, leg.status());
        assertTrue(leg.reason().contains("the gateway at ew.n2 presents spiffe://td/ns/istio-gateways/sa/somebody-else, it expects "
                + "spiffe://td/ns/gw/sa/istio-eastwest"), leg.reason());
        AmbientLeg nowhere = send(new AmbientMesh(Map.of("c1", c1), Map.of()), c1).get(0);
        assertTrue(nowhere.reason().contains("no east-west gateway answers at ew.n2:15008"), nowhere.reason());
    }
}
