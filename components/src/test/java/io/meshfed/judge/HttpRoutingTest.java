package io.meshfed.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.Duration;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.config.route.v3.DirectResponseAction;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.filters.common.fault.v3.FaultDelay;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.FaultAbort;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.v3.FractionalPercent;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRoutingTest {

    private static final ProxyConfig EMPTY = ProxyConfig.of(ConfigDump.getDefaultInstance());

    private static Route route(String name, RouteMatch.Builder match, String cluster) {
        return Route.newBuilder().setName(name).setMatch(match)
                .setRoute(RouteAction.newBuilder().setCluster(cluster).setTimeout(Duration.getDefaultInstance())).build();
    }

    private static RouteDecision send(VirtualHost vh, HttpRequest request) {
        RouteConfiguration rc = RouteConfiguration.newBuilder().setName("r").addVirtualHosts(vh).build();
        return HttpRouting.route(EMPTY, Envoy.inlineHcm(rc), request);
    }

    private static VirtualHost.Builder host(Route... routes) {
        return VirtualHost.newBuilder().setName("reviews").addDomains("reviews").addAllRoutes(List.of(routes));
    }

    private static HttpRequest get(String path) {
        return HttpRequest.of("GET", "reviews", path);
    }

    @Test
    void firstMatchingRouteWinsInOrder() {
        VirtualHost vh = host(
                route("exact", RouteMatch.newBuilder().setPath("/api/v1"), "exact"),
                route("api", RouteMatch.newBuilder().setPrefix("/api"), "api"),
                route("v1-never", RouteMatch.newBuilder().setPrefix("/api/v1"), "shadowed"),
                route("all", RouteMatch.newBuilder().setPrefix("/"), "all")).build();

        assertEquals("exact", send(vh, get("/api/v1?x=1")).cluster());
        assertEquals("api", send(vh, get("/api/v1/items")).cluster());
        assertEquals("api", send(vh, get("/apix")).cluster());
        assertEquals("all", send(vh, get("/other")).cluster());
        assertEquals("all", send(vh, get("/other")).routeName());
    }

    @Test
    void pathSpecifiers() {
        VirtualHost vh = host(
                route("sep", RouteMatch.newBuilder().setPathSeparatedPrefix("/ratings"), "sep"),
                route("regex", RouteMatch.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex("/items/[0-9]+")), "regex"),
                route("ci", RouteMatch.newBuilder().setPrefix("/CaSe").setCaseSensitive(BoolValue.of(false)), "ci"))
                .build();

        assertEquals("sep", send(vh, get("/ratings")).cluster());
        assertEquals("sep", send(vh, get("/ratings/1")).cluster());
        assertEquals(RouteDecision.Kind.NO_ROUTE, send(vh, get("/ratingsx")).kind());
        assertEquals("regex", send(vh, get("/items/42?q=1")).cluster());
        assertEquals(RouteDecision.Kind.NO_ROUTE, send(vh, get("/items/42/x")).kind());
        assertEquals("ci", send(vh, get("/case/x")).cluster());
    }

    /** Istio's HBONE terminator routes CONNECT to main_internal (listener_waypoint.go buildWaypointInboundConnectTerminate, 1.30.3). */
    @Test
    void aConnectMatcherTakesOnlyConnectRequests() {
        VirtualHost vh = VirtualHost.newBuilder().setName("default").addDomains("*").addRoutes(
                route("connect", RouteMatch.newBuilder().setConnectMatcher(RouteMatch.ConnectMatcher.getDefaultInstance()), "main_internal"))
                .build();
        assertEquals("main_internal", send(vh, HttpRequest.of("CONNECT", "10.0.0.1:9080", "")).cluster());
        assertEquals(RouteDecision.Kind.NO_ROUTE, send(vh, get("/")).kind());
    }

    @Test
    void headerAndQueryMatchers() {
        VirtualHost vh = host(
                route("jason", RouteMatch.newBuilder().setPrefix("/").addHeaders(HeaderMatcher.newBuilder()
                        .setName("end-user").setStringMatch(Envoy.exact("jason"))), "v2"),
                route("canary", RouteMatch.newBuilder().setPrefix("/").addHeaders(HeaderMatcher.newBuilder()
                        .setName("x-canary").setSafeRegexMatch(RegexMatcher.newBuilder().setRegex("on|yes"))), "v3"),
                route("debug", RouteMatch.newBuilder().setPrefix("/").addQueryParameters(QueryParameterMatcher.newBuilder()
                        .setName("debug").setPresentMatch(true)), "debug"),
                route("not-mobile", RouteMatch.newBuilder().setPrefix("/").addHeaders(HeaderMatcher.newBuilder()
                        .setName("x-client").setStringMatch(Envoy.exact("mobile")).setInvertMatch(true)), "desktop"),
                route("rest", RouteMatch.newBuilder().setPrefix("/"), "v1")).build();

        assertEquals("v2", send(vh, get("/").withHeader("End-User", "jason")).cluster());
        assertEquals("v1", send(vh, get("/").withHeader("end-user", "Jason").withHeader("x-client", "mobile")).cluster());
        assertEquals("v3", send(vh, get("/").withHeader("x-canary", "yes")).cluster());
        assertEquals("v1", send(vh, get("/").withHeader("x-canary", "yes!").withHeader("x-client", "mobile")).cluster());
        assertEquals("debug", send(vh, get("/?debug=1")).cluster());
        assertEquals("desktop", send(vh, get("/").withHeader("x-client", "tablet")).cluster());
        // an inverted value matcher does not match a missing header
        assertEquals("v1", send(vh, get("/")).cluster());
    }

    @Test
    void weightedClustersGiveExactShares() {
        Route split = Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/")).setRoute(RouteAction.newBuilder()
                .setWeightedClusters(WeightedCluster.newBuilder()
                        .addClusters(weight("v3", 75)).addClusters(weight("v2", 15)).addClusters(weight("v1", 10))))
                .build();

        List<ClusterShare> shares = send(host(split).build(), get("/")).clusters();

        assertEquals(List.of(new ClusterShare("v3", 75, 100), new ClusterShare("v2", 15, 100), new ClusterShare("v1", 10, 100)),
                shares);
        assertEquals(75.0, shares.get(0).percent());
    }

    @Test
    void totalWeightIsTheDenominatorAndMustEqualTheSum() {
        WeightedCluster.Builder wc = WeightedCluster.newBuilder().addClusters(weight("a", 1)).addClusters(weight("b", 2))
                .setTotalWeight(UInt32Value.of(3));
        Route ok = Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/"))
                .setRoute(RouteAction.newBuilder().setWeightedClusters(wc)).build();

        List<ClusterShare> shares = send(host(ok).build(), get("/")).clusters();
        assertEquals(1.0 / 3, shares.get(0).fraction());
        assertEquals(2.0 / 3, shares.get(1).fraction());

        Route bad = ok.toBuilder().setRoute(RouteAction.newBuilder().setWeightedClusters(wc.setTotalWeight(UInt32Value.of(100))))
                .build();
        assertThrows(IllegalArgumentException.class, () -> send(host(bad).build(), get("/")));
    }

    @Test
    void timeoutDefaultsTo15sAndZeroDisablesIt() {
        Route unset = Route.newBuilder().setMatch(RouteMatch.newBuilder().setPath("/unset"))
                .setRoute(RouteAction.newBuilder().setCluster("c")).build();
        Route zero = route("zero", RouteMatch.newBuilder().setPath("/zero"), "c");
        Route five = Route.newBuilder().setMatch(RouteMatch.newBuilder().setPath("/five"))
                .setRoute(RouteAction.newBuilder().setCluster("c").setTimeout(Duration.newBuilder().setSeconds(5))).build();
        VirtualHost vh = host(unset, zero, five).build();

        assertEquals(java.time.Duration.ofSeconds(15), send(vh, get("/unset")).timeout());
        assertNull(send(vh, get("/zero")).timeout());
        assertEquals(java.time.Duration.ofSeconds(5), send(vh, get("/five")).timeout());
    }

    @Test
    void routeRetriesOverrideTheVirtualHostsAndNumRetriesDefaultsToOne() {
        Route own = Route.newBuilder().setMatch(RouteMatch.newBuilder().setPath("/own")).setRoute(RouteAction.newBuilder()
                .setCluster("c").setRetryPolicy(RetryPolicy.newBuilder().setRetryOn("5xx").setNumRetries(UInt32Value.of(3))
                        .setPerTryTimeout(Duration.newBuilder().setSeconds(2)))).build();
        Route inherited = route("inherited", RouteMatch.newBuilder().setPrefix("/"), "c");
        VirtualHost vh = host(own, inherited).setRetryPolicy(RetryPolicy.newBuilder().setRetryOn("connect-failure")).build();

        assertEquals(new Retry("5xx", 3, java.time.Duration.ofSeconds(2), List.of()), send(vh, get("/own")).retry());
        assertEquals(new Retry("connect-failure", 1, null, List.of()), send(vh, get("/x")).retry());
    }

    @Test
    void directResponseAndNoRoute() {
        Route deny = Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/admin"))
                .setDirectResponse(DirectResponseAction.newBuilder().setStatus(418)
                        .setBody(DataSource.newBuilder().setInlineString("teapot"))).build();
        VirtualHost vh = host(deny).build();

        RouteDecision d = send(vh, get("/admin/x"));
        assertEquals(RouteDecision.Kind.DIRECT_RESPONSE, d.kind());
        assertEquals(418, d.status());
        assertEquals("teapot", d.body());
        assertEquals(404, send(vh, get("/other")).status());
        assertEquals(RouteDecision.Kind.NO_ROUTE, send(vh, HttpRequest.of("GET", "ratings", "/admin")).kind());
    }

    @Test
    void perRouteFaultOverridesTheFiltersEmptyConfig() {
        HTTPFault fault = HTTPFault.newBuilder()
                .setDelay(FaultDelay.newBuilder().setFixedDelay(Duration.newBuilder().setSeconds(7))
                        .setPercentage(FractionalPercent.newBuilder().setNumerator(50)))
                .setAbort(FaultAbort.newBuilder().setHttpStatus(503).setPercentage(FractionalPercent.newBuilder()
                        .setNumerator(2500).setDenominator(FractionalPercent.DenominatorType.TEN_THOUSAND)))
                .build();
        Route faulty = route("faulty", RouteMatch.newBuilder().setPrefix("/"), "c").toBuilder()
                .putTypedPerFilterConfig("envoy.filters.http.fault", Any.pack(fault)).build();
        RouteConfiguration rc = RouteConfiguration.newBuilder().addVirtualHosts(host(faulty)).build();

        RouteDecision withFilter = HttpRouting.route(EMPTY, Envoy.inlineHcm(rc,
                Envoy.filter("envoy.filters.http.fault", HTTPFault.getDefaultInstance()),
                Envoy.filter("envoy.filters.http.router", Router.getDefaultInstance())), get("/"));
        RouteDecision withoutFilter = HttpRouting.route(EMPTY, Envoy.inlineHcm(rc,
                Envoy.filter("envoy.filters.http.router", Router.getDefaultInstance())), get("/"));

        assertEquals(new Fault(java.time.Duration.ofSeconds(7), 50.0, 503, 25.0), withFilter.fault());
        assertNull(withoutFilter.fault());
    }

    @Test
    void virtualHostLookupOrder() {
        RouteConfiguration rc = RouteConfiguration.newBuilder()
                .addVirtualHosts(vh("any", "*"))
                .addVirtualHosts(vh("prefix", "reviews.*"))
                .addVirtualHosts(vh("short-suffix", "*.svc.cluster.local"))
                .addVirtualHosts(vh("long-suffix", "*.shop.svc.cluster.local"))
                .addVirtualHosts(vh("exact", "reviews.shop.svc.cluster.local", "reviews.shop.svc.cluster.local:9080"))
                .build();

        assertEquals("exact", VirtualHosts.select(rc, "Reviews.shop.svc.cluster.local").orElseThrow().getName());
        assertEquals("exact", VirtualHosts.select(rc, "reviews.shop.svc.cluster.local:9080").orElseThrow().getName());
        assertEquals("long-suffix", VirtualHosts.select(rc, "ratings.shop.svc.cluster.local").orElseThrow().getName());
        assertEquals("short-suffix", VirtualHosts.select(rc, "ratings.other.svc.cluster.local").orElseThrow().getName());
        assertEquals("prefix", VirtualHosts.select(rc, "reviews.example").orElseThrow().getName());
        assertEquals("any", VirtualHosts.select(rc, "reviews.").orElseThrow().getName());
        assertEquals("any", VirtualHosts.select(rc, "example.com").orElseThrow().getName());
    }

    @Test
    void chainWithTcpProxyGivesItsClusters() {
        io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy tcp =
                io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy.newBuilder().setStatPrefix("t")
                        .setCluster("outbound|3306||db").build();
        io.envoyproxy.envoy.config.listener.v3.Listener l = Envoy.listener("0.0.0.0_3306", "0.0.0.0", 3306,
                Envoy.chain("tcp", Envoy.match().build(), io.envoyproxy.envoy.config.listener.v3.Filter.newBuilder()
                        .setName("envoy.filters.network.tcp_proxy").setTypedConfig(Any.pack(tcp)).build()));

        RouteDecision d = HttpRouting.route(EMPTY, l, Connection.plaintextHttp("10.0.0.9", 3306), get("/"));

        assertEquals(RouteDecision.Kind.TCP_PROXY, d.kind());
        assertEquals("outbound|3306||db", d.cluster());
    }

    private static VirtualHost vh(String name, String... domains) {
        return VirtualHost.newBuilder().setName(name).addAllDomains(List.of(domains)).build();
    }

    private static WeightedCluster.ClusterWeight weight(String name, int w) {
        return WeightedCluster.ClusterWeight.newBuilder().setName(name).setWeight(UInt32Value.of(w)).build();
    }
}
