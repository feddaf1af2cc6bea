package io.meshfed.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Client-side routing rule by rule, on hand-written objects ({@link HandWrittenMesh}): VirtualService
 * selection, match order, weighted destinations over DestinationRule subsets and endpoints,
 * timeouts and faults, and failover over unhealthy endpoints.
 */
class RouterTest {
    private static final String LOCAL = "reviews.shop.svc.cluster.local";
    private static final String GLOBAL = "reviews.shop.global";
    private static final double EPS = 1e-9;

    private static final String SUBSETS = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews, namespace: shop}
            spec:
              host: reviews.shop.svc.cluster.local
              subsets:
                - {name: v1, labels: {version: v1}}
                - {name: v2, labels: {version: v2}}
            """;

    private static String vs(String name, String namespace, String extra, String http) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: %s, namespace: %s}
                spec:
                  hosts: [reviews.shop.svc.cluster.local]
                %s  http:
                %s""".formatted(name, namespace, extra.indent(2), http.indent(4));
    }

    private static String toSubset(String subset) {
        return "- route: [{destination: {host: reviews.shop.svc.cluster.local, subset: " + subset + "}}]\n";
    }

    private static RouteResult route(HandWrittenMesh mesh, String host, Request request) {
        MeshSimulator sim = mesh.simulator();
        return sim.route(sim.workload("client", "c1", "app"), host, request);
    }

    private static RouteResult route(MeshSimulator sim, String host) {
        return sim.route(sim.workload("client", "c1", "app"), host, Request.get());
    }

    @Test
    void withoutAVirtualServiceRequestsSpreadEvenlyOverTheLocalPods() {
        RouteResult r = route(new HandWrittenMesh(), LOCAL, Request.get());
        assertEquals("default route (no VirtualService)", r.rule());
        assertEquals(Map.of("c1/v1", 50.0, "c1/v2", 50.0), r.percentages());
    }

    @Test
    void aVirtualServiceBoundOnlyToAnIngressGatewayDoesNotApplyToSidecars() {
        HandWrittenMesh mesh = new HandWrittenMesh().in("c1", SUBSETS)
                .in("c1", vs("ingress-only", "shop", "gateways: [istio-system/ingress]", toSubset("v2")));
        assertEquals("default route (no VirtualService)", route(mesh, LOCAL, Request.get()).rule());

        HandWrittenMesh withMesh = new HandWrittenMesh().in("c1", SUBSETS)
                .in("c1", vs("ingress-and-mesh", "shop", "gateways: [istio-system/ingress, mesh]", toSubset("v2")));
        assertEquals(Map.of("c1/v2", 100.0), route(withMesh, LOCAL, Request.get()).percentages());
    }

    @Test
    void aVirtualServiceExportedOnlyToItsOwnNamespaceIsInvisibleToOtherNamespaces() {
        HandWrittenMesh hidden = new HandWrittenMesh().in("c1", SUBSETS)
                .in("c1", vs("private", "shop", "exportTo: [\".\"]", toSubset("v2")));
        assertEquals("default route (no VirtualService)", route(hidden, LOCAL, Request.get()).rule());

        HandWrittenMesh exported = new HandWrittenMesh().in("c1", SUBSETS)
                .in("c1", vs("to-app", "shop", "exportTo: [app]", toSubset("v2")));
        assertEquals("VirtualService shop/to-app", route(exported, LOCAL, Request.get()).rule());
    }

    @Test
    void aVirtualServiceForAnotherHostDoesNotApply() {
        String other = vs("details", "shop", "", toSubset("v2")).replace("hosts: [reviews.shop.svc.cluster.local]", "hosts: [details]");
        HandWrittenMesh mesh = new HandWrittenMesh().in("c1", SUBSETS).in("c1", other);
        assertEquals("default route (no VirtualService)", route(mesh, LOCAL, Request.get()).rule());
    }

    @Test
    void theFirstMatchingRouteWinsInDeclarationOrder() {
        String http = """
                - name: jason
                  match: [{headers: {end-user: {exact: jason}}}]
                  route: [{destination: {host: reviews.shop.svc.cluster.local, subset: v2}}]
                - name: api
                  match: [{uri: {prefix: /api}}]
                  route: [{destination: {host: reviews.shop.svc.cluster.local, subset: v1}, weight: 100}]
                - name: rest
                  route: [{destination: {host: reviews.shop.svc.cluster.local, subset: v2}}]
                """;
        HandWrittenMesh mesh = new HandWrittenMesh().in("c1", SUBSETS).in("c1", vs("ordered", "shop", "", http));

        RouteResult both = route(mesh, LOCAL, new Request("/api/x", Map.of("End-User", "jason")));
        assertEquals("VirtualService shop/ordered route jason", both.rule(), "header route is declared first");
        RouteResult uri = route(mesh, LOCAL, new Request("/api/x", Map.of("end-user", "mary")));
        assertEquals("VirtualService shop/ordered route api", uri.rule());
        assertEquals(Map.of("c1/v1", 100.0), uri.percentages());
        RouteResult rest = route(mesh, LOCAL, new Request("/other", Map.of()));
        assertEquals("VirtualService shop/ordered route rest", rest.rule());
    }

    @Test
    void sourceLabelsRestrictARouteToMatchingClients() {
        String http = """
                - name: only-other
                  match: [{sourceLabels: {app: other}}]
                  route: [{destination: {host: reviews.shop.svc.cluster.local, subset: v2}}]
                - name: everyone
                  route: [{destination: {host: reviews.shop.svc.cluster.local, subset: v1}}]
                """;
        MeshSimulator sim = new HandWrittenMesh().in("c1", SUBSETS).in("c1", vs("by-source", "shop", "", http)).simulator();
        assertEquals(Map.of("c1/v1", 100.0), sim.route(sim.workload("client", "c1", "app"), LOCAL, Request.get()).percentages());
        assertEquals(Map.of("c1/v2", 100.0), sim.route(sim.workload("other", "c1", "app"), LOCAL, Request.get()).percentages());
    }

    @Test
    void noMatchingRouteAnswers404() {
        String http = """
                - match: [{uri: {exact: /only}}]
                  route: [{destination: {host: reviews.shop.svc.cluster.local, subset: v1}}]
                """;
        HandWrittenMesh mesh = new HandWrittenMesh().in("c1", SUBSETS).in("c1", vs("narrow", "shop", "", http));
        assertEquals(Map.of("-/404 no route matched", 100.0), route(mesh, LOCAL, new Request("/elsewhere", Map.of())).percentages());
    }

    @Test
    void weightsSplitOverSubsetsAndEachSubsetOverItsEndpoints() {
        String http = """
                - route:
                    - {destination: {host: reviews.shop.svc.cluster.local, subset: v1}, weight: 80}
                    - {destination: {host: reviews.shop.svc.cluster.local, subset: v2}, weight: 20}
                """;
        HandWrittenMesh mesh = new HandWrittenMesh().in("c1", SUBSETS).in("c1", vs("split", "shop", "", http));
        assertEquals(Map.of("c1/v1", 80.0, "c1/v2", 20.0), route(mesh, LOCAL, Request.get()).percentages());
    }

    @Test
    void aSubsetMissingFromTheDestinationRuleFailsItsShareWith503() {
        String http = """
                - route:
                    - {destination: {host: reviews.shop.svc.cluster.local, subset: v1}, weight: 75}
                    - {destination: {host: reviews.shop.svc.cluster.local, subset: v9}, weight: 25}
                """;
        HandWrittenMesh mesh = new HandWrittenMesh().in("c1", SUBSETS).in("c1", vs("typo", "shop", "", http));
        Map<String, Double> p = route(mesh, LOCAL, Request.get()).percentages();
        assertEquals(75.0, p.get("c1/v1"), EPS);
        assertEquals(25.0, p.get("-/503 subset v9 of reviews.shop.svc.cluster.local not found"), EPS);
    }

    @Test
    void clusterSubsetsOfTheGlobalHostSendExactSharesToEachClusterAndVersion() {
        String dr = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews-global, namespace: shop}
                spec:
                  host: reviews.shop.global
                  subsets:
                    - {name: c1, labels: {topology.istio.io/network: n1}}
                    - {name: c2, labels: {meshfed.io/cluster: c2}}
                    - {name: c3, labels: {meshfed.io/cluster: c3}}
                """;
        String vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: reviews-global, namespace: shop}
                spec:
                  hosts: [reviews.shop.global]
                  http:
                    - route:
                        - {destination: {host: reviews.shop.global, subset: c1}, weight: 50}
                        - {destination: {host: reviews.shop.global, subset: c2}, weight: 30}
                        - {destination: {host: reviews.shop.global, subset: c3}, weight: 20}
                """;
        HandWrittenMesh mesh = new HandWrittenMesh().in("c1", HandWrittenMesh.FEDERATION_C1).withBackingClusters().in("c1", dr).in("c1", vs);
        Map<String, Double> p = route(mesh, GLOBAL, Request.get()).percentages();
        assertEquals(25.0, p.get("c1/v1"), EPS);
        assertEquals(25.0, p.get("c1/v2"), EPS);
        assertEquals(30.0, p.get("c2/v1"), EPS);
        assertEquals(20.0, p.get("c3/v3"), EPS);
        assertEquals(4, p.size(), p::toString);
    }

    @Test
    void aSubsetOnTheClusterLabelSelectsNoWorkloadEntryBecauseIstiodRelabelsThem() {
        String dr = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews-global, namespace: shop}
                spec:
                  host: reviews.shop.global
                  subsets:
                    - {name: c2, labels: {topology.istio.io/cluster: c2}}
                """;
        String vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: reviews-global, namespace: shop}
                spec:
                  hosts: [reviews.shop.global]
                  http:
                    - route:
                        - {destination: {host: reviews.shop.global, subset: c2}}
                """;
        HandWrittenMesh mesh = new HandWrittenMesh().in("c1", HandWrittenMesh.FEDERATION_C1).in("c1", dr).in("c1", vs);
        assertEquals(Map.of("-/503 no healthy upstream", 100.0), route(mesh, GLOBAL, Request.get()).percentages());
    }

    @Test
    void theRouteTimeoutAndTheInjectedDelayAreReportedSeparately() {
        String http = """
                - timeout: 1s
                  fault: {delay: {fixedDelay: 2s, percentage: {value: 100}}, abort: {httpStatus: 503, percentage: {value: 10}}}
                  route: [{destination: {host: reviews.shop.svc.cluster.local, subset: v1}}]
                """;
        HandWrittenMesh mesh = new HandWrittenMesh().in("c1", SUBSETS).in("c1", vs("slow", "shop", "", http));
        RouteResult r = route(mesh, LOCAL, Request.get());
        assertEquals(Duration.ofSeconds(1), r.timeout());
        assertEquals(Duration.ofSeconds(2), r.delay());
        assertEquals(100.0, r.delayPercent(), EPS);
        assertEquals(503, r.abortStatus());
        assertEquals(10.0, r.abortPercent(), EPS);
    }

    @Test
    void aDelayLongerThanTheTimeoutAnswers504AfterTheTimeoutAndAShorterOneIsServed() {
        String slow = """
                - timeout: 1s
                  fault: {delay: {fixedDelay: 2s, percentage: {value: 100}}}
                  route: [{destination: {host: reviews.shop.svc.cluster.local, subset: v1}}]
                """;
        MeshSimulator sim = new HandWrittenMesh().in("c1", SUBSETS).in("c1", vs("slow", "shop", "", slow)).simulator();
        MeshSimulator.CallOutcome timedOut = sim.call(sim.workload("client", "c1", "app"), java.util.List.of("reviews.shop"), Request.get());
        assertEquals(504, timedOut.status(), timedOut.explanation());
        assertEquals(Duration.ofSeconds(1), timedOut.latency());

        String fast = slow.replace("fixedDelay: 2s", "fixedDelay: 500ms");
        MeshSimulator ok = new HandWrittenMesh().in("c1", SUBSETS).in("c1", vs("fast", "shop", "", fast)).simulator();
        MeshSimulator.CallOutcome served = ok.call(ok.workload("client", "c1", "app"), java.util.List.of("reviews.shop"), Request.get());
        assertEquals(200, served.status(), served.explanation());
        assertEquals(Duration.ofMillis(500), served.latency());
    }

    private static final String OUTLIER = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews-global, namespace: shop}
            spec:
              host: reviews.shop.global
              trafficPolicy:
                outlierDetection: {consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 30s}
            """;

    @Test
    void withOutlierDetectionTrafficStaysInTheClientsZoneThenFailsOverByLocality() {
        MeshSimulator sim = new HandWrittenMesh().in("c1", HandWrittenMesh.FEDERATION_C1).withBackingClusters().in("c1", OUTLIER).simulator();
        assertEquals(Map.of("c1/v1", 50.0, "c1/v2", 50.0), route(sim, GLOBAL).percentages(), "same zone first");

        sim.health().markUnhealthy("c1", "shop", "reviews");
        assertEquals(Map.of("c2/v1", 100.0), route(sim, GLOBAL).percentages(), "then the same region (c2) before r2 (c3)");

        sim.health().markUnhealthy("c2", "shop", "reviews");
        assertEquals(Map.of("c3/v3", 100.0), route(sim, GLOBAL).percentages(), "then the other region");

        sim.health().markUnhealthy("c3", "shop", "reviews");
        assertEquals(Map.of("-/503 no healthy upstream", 100.0), route(sim, GLOBAL).percentages());
    }

    @Test
    void withoutOutlierDetectionUnhealthyEndpointsKeepTheirShareAndFail() {
        MeshSimulator sim = new HandWrittenMesh().in("c1", HandWrittenMesh.FEDERATION_C1).withBackingClusters().simulator();
        assertEquals(Map.of("c1/v1", 25.0, "c1/v2", 25.0, "c2/v1", 25.0, "c3/v3", 25.0), route(sim, GLOBAL).percentages());
        sim.health().markUnhealthy("c1", "shop", "reviews");
        Map<String, Double> p = route(sim, GLOBAL).percentages();
        assertEquals(50.0, p.get("-/503 no healthy upstream"), EPS);
        assertEquals(25.0, p.get("c2/v1"), EPS);
        assertEquals(25.0, p.get("c3/v3"), EPS);
    }

    @Test
    void failoverPriorityLabelsOrderEndpointsByTheLabelsTheyShareWithTheClient() {
        String byNetwork = OUTLIER + """
                    loadBalancer:
                      localityLbSetting:
                        enabled: true
                        failoverPriority: [topology.istio.io/network, topology.istio.io/network=n1]
                """.indent(0);
        MeshSimulator sim = new HandWrittenMesh().in("c1", HandWrittenMesh.FEDERATION_C1).withBackingClusters().in("c1", byNetwork).simulator();
        assertEquals(Map.of("c1/v1", 50.0, "c1/v2", 50.0), route(sim, GLOBAL).percentages());
        sim.health().markUnhealthy("c1", "shop", "reviews");
        Map<String, Double> p = route(sim, GLOBAL).percentages();
        assertEquals(50.0, p.get("c2/v1"), EPS, p::toString);
        assertEquals(50.0, p.get("c3/v3"), EPS, p::toString);
        assertNull(p.get("-/503 no healthy upstream"));
        assertTrue(route(sim, GLOBAL).rule().startsWith("default route"));
    }

    @Test
    void theClusterLabelCannotOrderWorkloadEntriesAfterLocalPods() {
        String byCluster = OUTLIER + """
                    loadBalancer:
                      localityLbSetting:
                        enabled: true
                        failoverPriority: [topology.istio.io/cluster]
                """.indent(0);
        MeshSimulator sim = new HandWrittenMesh().in("c1", HandWrittenMesh.FEDERATION_C1).withBackingClusters().in("c1", byCluster).simulator();
        assertEquals(Map.of("c1/v1", 25.0, "c1/v2", 25.0, "c2/v1", 25.0, "c3/v3", 25.0), route(sim, GLOBAL).percentages(),
                "istiod labels the WorkloadEntries with c1 too");
    }

    @Test
    void theRemoteGatewayResolvesTheHostInItsOwnCluster() {
        MeshSimulator withoutHost = new HandWrittenMesh().in("c1", HandWrittenMesh.FEDERATION_C1).simulator();
        assertEquals(25.0, route(withoutHost, GLOBAL).percentages().get("-/503 no endpoints for reviews.shop.global in c2"), EPS,
                "c2's gateway has no cluster for the SNI without the global host in c2");
    }

    @Test
    void aGatewayWhoseViewHoldsOtherClustersForwardsOnWithoutItsOwnRule() {
        String c2SeesC3 = HandWrittenMesh.GLOBAL_SERVICE_ENTRY + "---\n" + HandWrittenMesh.WORKLOAD_ENTRY_C3;
        MeshSimulator sim = new HandWrittenMesh().in("c1", HandWrittenMesh.FEDERATION_C1).in("c2", c2SeesC3)
                .in("c3", HandWrittenMesh.backing("c3", "n3")).simulator();
        Map<String, Double> p = route(sim, GLOBAL).percentages();
        assertEquals(12.5, p.get("c2/v1"), EPS, p::toString);
        assertEquals(12.5, p.get("-/508 the east-west gateway of c2 forwards reviews.shop.global on to c3"), EPS, p::toString);
    }
}
