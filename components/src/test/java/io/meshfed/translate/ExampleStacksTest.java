package io.meshfed.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.WorkloadEntry;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Semantic assertions per stage for the seed recipes the example stacks reproduce. */
class ExampleStacksTest {

    private final MeshPlan workshop = Examples.plan("smh-workshop");

    @Test
    void namespacesCarryNetworkAndInjectionLabels() {
        ClusterPlan kind2 = workshop.cluster("kind2");
        Map<String, Namespace> byName = new java.util.HashMap<>();
        kind2.ofType(Namespace.class).forEach(n -> byName.put(n.getMetadata().getName(), n));
        assertEquals("network2", byName.get("istio-system").getMetadata().getLabels().get("topology.istio.io/network"));
        assertEquals("enabled", byName.get("default").getMetadata().getLabels().get("istio-injection"));
    }

    @Test
    void everyClusterGetsCacertsWithTheFourIstioFiles() {
        for (ClusterPlan cluster : workshop.clusters()) {
            Secret cacerts = cluster.ofType(Secret.class).get(0);
            assertEquals("istio-system/cacerts", cacerts.getMetadata().getNamespace() + "/" + cacerts.getMetadata().getName());
            assertEquals(List.of("ca-cert.pem", "ca-key.pem", "cert-chain.pem", "root-cert.pem"), List.copyOf(cacerts.getStringData().keySet()));
            assertEquals(Stage.TRUST, cluster.objects().stream().filter(o -> o.object() == cacerts).findFirst().orElseThrow().stage());
        }
        String root = workshop.cluster("kind1").ofType(Secret.class).get(0).getStringData().get("root-cert.pem");
        workshop.clusters().forEach(c -> assertEquals(root, c.ofType(Secret.class).get(0).getStringData().get("root-cert.pem"), "one shared root"));
    }

    @Test
    void istiodIsToldItsClusterNetworkTrustDomainAndEcdsa() {
        HelmRelease istiod = workshop.cluster("kind3").releases(Stage.ISTIO).stream().filter(r -> r.chart().equals("istiod")).findFirst().orElseThrow();
        assertEquals(Map.of("clusterName", "kind3"), ((Map<?, ?>) istiod.values().get("global")).get("multiCluster"));
        Map<?, ?> meshConfig = (Map<?, ?>) istiod.values().get("meshConfig");
        assertEquals("kind3", meshConfig.get("trustDomain"));
        assertEquals("/dev/stdout", meshConfig.get("accessLogFile"), "user values are merged in");
        assertTrue(meshConfig.toString().contains("ECC_SIGNATURE_ALGORITHM=ECDSA"), meshConfig.toString());
    }

    @Test
    void sidecarEastWestGatewayPassesMtlsThroughOn15443() {
        Gateway gateway = workshop.cluster("kind2").ofType(Gateway.class).get(0);
        assertEquals(15443L, gateway.getSpec().getServers().get(0).getPort().getNumber());
        assertEquals("AUTO_PASSTHROUGH", gateway.getSpec().getServers().get(0).getTls().getMode().name());
        assertTrue(gateway.getSpec().getServers().get(0).getHosts().contains("*.global"));
    }

    @Test
    void federationPointsAtTheRemoteGatewayWithIdentitiesOfEveryBackingCluster() {
        ClusterPlan kind2 = workshop.cluster("kind2");
        ServiceEntry se = kind2.ofType(ServiceEntry.class).get(0);
        assertEquals(List.of("reviews.default.global"), se.getSpec().getHosts());
        List<WorkloadEntry> entries = kind2.ofType(WorkloadEntry.class);
        assertEquals(3, entries.size(), "kind3's v1, v2, v3");
        entries.forEach(we -> {
            assertEquals("172.18.3.1", we.getSpec().getAddress());
            assertEquals(15443L, we.getSpec().getPorts().get("http"));
            assertEquals("kind3", we.getSpec().getLabels().get("meshfed.io/cluster"));
            assertFalse(we.getSpec().getLabels().containsKey("topology.istio.io/cluster"), "istiod overwrites it with the reading cluster");
            assertEquals("us-west-1/us-west-1a", we.getSpec().getLocality());
        });
        kind2.objects().stream().filter(o -> o.object() instanceof WorkloadEntry).forEach(o -> assertEquals(java.util.Set.of("kind3"), o.needsGatewayOf()));
        DestinationRule dr = kind2.ofType(DestinationRule.class).get(0);
        Map<String, Map<String, String>> subsets = new java.util.TreeMap<>();
        dr.getSpec().getSubsets().forEach(sub -> subsets.put(sub.getName(), sub.getLabels()));
        assertEquals(Map.of("version", "v3", "meshfed.io/cluster", "kind3"), subsets.get("kind3-v3"), "remote: the WorkloadEntries of kind3");
        assertEquals(Map.of("version", "v1", "topology.istio.io/network", "network2"), subsets.get("kind2-v1"), "local: kind2's own pods");
        assertEquals(List.of("topology.istio.io/network", "topology.istio.io/network=network2"),
                dr.getSpec().getTrafficPolicy().getLoadBalancer().getLocalityLbSetting().getFailoverPriority(),
                "same cluster = kind2's own pods");
        assertEquals("ISTIO_MUTUAL", dr.getSpec().getTrafficPolicy().getTls().getMode().name());
        assertEquals(List.of("spiffe://kind2/ns/default/sa/bookinfo-reviews", "spiffe://kind3/ns/default/sa/bookinfo-reviews"),
                dr.getSpec().getTrafficPolicy().getTls().getSubjectAltNames());
        assertEquals(100, dr.getSpec().getTrafficPolicy().getOutlierDetection().getMaxEjectionPercent(), "failover needs outlier detection");
    }

    @Test
    void noFailoverRouteWhereTheGlobalHostHasNoOtherClusterBehindIt() {
        MeshPlan plan = Examples.plan(io.meshfed.spec.SpecLoader.load("""
                name: one-way
                clusters:
                  - {name: a, network: na, eastWestGateway: {address: 10.1.0.1}}
                  - {name: b, network: nb, eastWestGateway: {address: 10.1.0.2}}
                services:
                  - {name: reviews, namespace: shop, cluster: a, ports: [{name: http, number: 9080}], versions: [v1]}
                  - {name: reviews, namespace: shop, cluster: b, ports: [{name: http, number: 9080}], versions: [v1]}
                federation:
                  exports:
                    - {service: reviews, namespace: shop, from: [b], to: [a]}
                failover:
                  - name: reviews-failover
                    service: {service: reviews, namespace: shop}
                    outlierDetection: {consecutive5xxErrors: 3, interval: 5s, baseEjectionTime: 30s}
                """, "one-way"));
        assertEquals(List.of("reviews-failover"), plan.cluster("a").ofType(VirtualService.class).stream().map(v -> v.getMetadata().getName()).toList(),
                "a reaches b's reviews");
        assertTrue(plan.cluster("b").ofType(VirtualService.class).isEmpty(), "b imports nothing: its global host holds only its own pods");
    }

    @Test
    void theEastWestGatewaySendsPassthroughTrafficOnlyToItsOwnPods() {
        ClusterPlan kind3 = workshop.cluster("kind3");
        DestinationRule gateway = kind3.ofType(DestinationRule.class).stream()
                .filter(d -> d.getMetadata().getNamespace().equals("istio-gateways")).findFirst().orElseThrow();
        assertEquals("reviews.default.global", gateway.getSpec().getHost());
        assertEquals(List.of("."), gateway.getSpec().getExportTo(), "only the gateway's own namespace; clients keep the global rule");
        assertEquals(List.of("kind3", "v1", "kind3-v1", "v2", "kind3-v2", "v3", "kind3-v3"),
                gateway.getSpec().getSubsets().stream().map(sub -> sub.getName()).toList());
        gateway.getSpec().getSubsets().forEach(sub -> assertEquals("network3", sub.getLabels().get("topology.istio.io/network"), sub.getName()));
        assertEquals(List.of("topology.istio.io/network=network3"),
                gateway.getSpec().getTrafficPolicy().getLoadBalancer().getLocalityLbSetting().getFailoverPriority());
        assertNotNull(gateway.getSpec().getTrafficPolicy().getOutlierDetection(), "priorities only apply with outlier detection");
        assertTrue(workshop.cluster("kind1").ofType(DestinationRule.class).stream()
                .noneMatch(d -> d.getMetadata().getNamespace().equals("istio-gateways")), "kind1 backs no exported service");
    }

    @Test
    void theWorkshopShiftIs75To15To10() {
        VirtualService vs = workshop.cluster("kind2").ofType(VirtualService.class).get(0);
        var route = vs.getSpec().getHttp().get(0).getRoute();
        assertEquals(List.of("kind3-v3:75", "kind2-v1:15", "kind2-v2:10"),
                route.stream().map(d -> d.getDestination().getSubset() + ":" + d.getWeight()).toList());
        assertTrue(workshop.cluster("kind3").ofType(VirtualService.class).stream().noneMatch(v -> v.getMetadata().getName().equals("reviews-shift")),
                "only kind2 is a source cluster");
    }

    @Test
    void failoverSendsTheLocalHostToTheGlobalHostWhereNoTrafficPolicyRoutesIt() {
        List<VirtualService> kind3 = workshop.cluster("kind3").ofType(VirtualService.class);
        assertEquals(1, kind3.size());
        VirtualService failover = kind3.get(0);
        assertEquals("reviews-failover", failover.getMetadata().getName());
        assertEquals("FailoverPolicy", failover.getMetadata().getLabels().get(Parent.PARENT_KIND));
        assertEquals(List.of("reviews.default.svc.cluster.local"), failover.getSpec().getHosts());
        assertEquals("reviews.default.global", failover.getSpec().getHttp().get(0).getRoute().get(0).getDestination().getHost());
        assertTrue(workshop.cluster("kind2").ofType(VirtualService.class).stream().noneMatch(v -> v.getMetadata().getName().equals("reviews-failover")),
                "kind2's reviews-shift already routes reviews; a second VirtualService for the host would conflict");
        assertTrue(workshop.cluster("kind1").ofType(VirtualService.class).isEmpty(), "kind1 has no local reviews host");
    }

    @Test
    void accessIsGlobalDenyPlusAllowsWithoutSpiffePrefix() {
        ClusterPlan kind2 = workshop.cluster("kind2");
        PeerAuthentication pa = kind2.ofType(PeerAuthentication.class).get(0);
        assertEquals("STRICT", pa.getSpec().getMtls().getMode().name());
        Map<String, AuthorizationPolicy> byName = new java.util.HashMap<>();
        kind2.ofType(AuthorizationPolicy.class).forEach(p -> byName.put(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(), p));
        AuthorizationPolicy deny = byName.get("istio-system/global-deny");
        assertTrue(deny.getSpec().getRules() == null || deny.getSpec().getRules().isEmpty(), "allow-nothing");
        assertEquals(List.of("kind2/ns/default/sa/bookinfo-productpage"),
                byName.get("default/productpage").getSpec().getRules().get(0).getFrom().get(0).getSource().getPrincipals());
        assertEquals(Map.of("app", "ratings"), byName.get("default/reviews").getSpec().getSelector().getMatchLabels());
        assertEquals(List.of("GET"), byName.get("default/productpage-viewer").getSpec().getRules().get(0).getTo().get(0).getOperation().getMethods());
    }

    @Test
    void headerRoutingSendsJasonToCluster2() {
        VirtualService vs = Examples.plan("virtual-destinations").cluster("cluster1").ofType(VirtualService.class).get(0);
        var jason = vs.getSpec().getHttp().get(0);
        assertEquals("jason", jason.getName());
        assertTrue(jason.getMatch().get(0).getHeaders().containsKey("end-user"));
        assertEquals(List.of("cluster2-v2", "cluster2-v3"), jason.getRoute().stream().map(d -> d.getDestination().getSubset()).toList());
        assertEquals("v1", vs.getSpec().getHttp().get(1).getRoute().get(0).getDestination().getSubset(), "not pinned: failover may leave cluster1");
        assertEquals(3, vs.getSpec().getHttp().get(1).getRetries().getAttempts());
    }

    @Test
    void ambientHasHboneEastWestPeersWaypointsTimeoutAndIsolation() {
        MeshPlan ambient = Examples.plan("ambient");
        ClusterPlan cluster1 = ambient.cluster("cluster1");
        var gateways = cluster1.ofType(io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class);
        var eastWest = gateways.stream().filter(g -> g.getMetadata().getName().equals("istio-eastwest")).findFirst().orElseThrow();
        assertEquals("istio-east-west", eastWest.getSpec().getGatewayClassName(), "upstream by default (AmbientEastWestGatewayTest)");
        assertEquals("HBONE", eastWest.getSpec().getListeners().get(0).getProtocol());
        assertEquals(15008, eastWest.getSpec().getListeners().get(0).getPort());
        var peer = gateways.stream().filter(g -> g.getMetadata().getName().equals("istio-remote-peer-cluster2")).findFirst().orElseThrow();
        assertEquals("istio-remote", peer.getSpec().getGatewayClassName());
        assertEquals("ew.cluster2.example.com", peer.getSpec().getAddresses().get(0).getValue());
        assertTrue(gateways.stream().anyMatch(g -> "istio-waypoint".equals(g.getSpec().getGatewayClassName())));
        ClusterPlan cluster2 = ambient.cluster("cluster2");
        HTTPRoute route = cluster2.ofType(HTTPRoute.class).get(0);
        assertEquals("500ms", route.getSpec().getRules().get(0).getTimeouts().getRequest());
        // GAMMA: the waypoint of the Service applies it; an ambient east-west gateway never would
        // (pilot/pkg/networking/core/listener_waypoint.go buildWaypointInternal, Istio 1.30.3)
        assertEquals("Service", route.getSpec().getParentRefs().get(0).getKind());
        assertEquals("reviews", route.getSpec().getParentRefs().get(0).getName());
        assertTrue(route.getSpec().getHostnames() == null || route.getSpec().getHostnames().isEmpty());
        VirtualService delay = cluster2.ofType(VirtualService.class).get(0);
        assertEquals("ratings-delay", delay.getMetadata().getName());
        AuthorizationPolicy isolation = cluster2.ofType(AuthorizationPolicy.class).get(0);
        assertEquals("namespace-isolation", isolation.getMetadata().getName());
        assertEquals("waypoint", isolation.getSpec().getTargetRefs().get(0).getName());
        assertTrue(cluster2.ofType(io.fabric8.kubernetes.api.model.Service.class).stream()
                .anyMatch(s -> "true".equals(s.getMetadata().getLabels().get("istio.io/global"))), "global service label");
    }

    /** AmbientPeering: upstream ambient federation through global Services, WorkloadEntries and a stand-in for the remote waypoint. */
    @Test
    void ambientFederatesThroughGlobalServicesAndStandsInForTheRemoteWaypoint() {
        ClusterPlan cluster1 = Examples.plan("ambient").cluster("cluster1");
        assertTrue(cluster1.ofType(io.fabric8.istio.api.networking.v1.ServiceEntry.class).isEmpty(), "no ServiceEntry is ever GLOBAL");
        var reviews = cluster1.ofType(io.fabric8.kubernetes.api.model.Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals("reviews")).findFirst().orElseThrow();
        assertEquals("true", reviews.getMetadata().getLabels().get("istio.io/global"));
        assertEquals("waypoint", reviews.getMetadata().getLabels().get("istio.io/use-waypoint"), "cluster2 runs a waypoint for bookinfo-backend");
        assertEquals(Map.of("app", "reviews"), reviews.getSpec().getSelector());
        var entries = cluster1.ofType(io.fabric8.istio.api.networking.v1.WorkloadEntry.class);
        var v2 = entries.stream().filter(e -> e.getMetadata().getName().equals("reviews-cluster2-v2")).findFirst().orElseThrow();
        assertEquals("cluster2", v2.getSpec().getNetwork());
        assertEquals("ew.cluster2.example.com", v2.getSpec().getAddress());
        assertEquals("bookinfo-reviews", v2.getSpec().getServiceAccount());
        var waypoint = entries.stream().filter(e -> e.getMetadata().getName().equals("waypoint-cluster2")).findFirst().orElseThrow();
        assertEquals("waypoint", waypoint.getSpec().getServiceAccount());
        var standIn = cluster1.ofType(io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class).stream()
                .filter(g -> g.getMetadata().getNamespace().equals("bookinfo-backend")).findFirst().orElseThrow();
        assertEquals("istio-remote", standIn.getSpec().getGatewayClassName());
        assertEquals("waypoint.bookinfo-backend.svc.cluster.local", standIn.getSpec().getAddresses().get(0).getValue());
        ClusterPlan cluster2 = Examples.plan("ambient").cluster("cluster2");
        assertTrue(cluster2.ofType(io.fabric8.istio.api.networking.v1.WorkloadEntry.class).isEmpty(), "cluster2 backs both services itself");
        assertTrue(cluster2.ofType(io.fabric8.kubernetes.api.model.Service.class).stream().filter(s -> s.getMetadata().getName().equals("reviews"))
                .noneMatch(s -> s.getMetadata().getLabels().containsKey("istio.io/use-waypoint")), "its namespace label names its own waypoint");
    }
}
