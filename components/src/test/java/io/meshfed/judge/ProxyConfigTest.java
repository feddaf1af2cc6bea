package io.meshfed.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyConfigTest {

    @TempDir
    Path dir;

    private static RouteConfiguration routes() {
        return RouteConfiguration.newBuilder().setName("9080").addVirtualHosts(VirtualHost.newBuilder().setName("reviews")
                .addDomains("reviews").addRoutes(Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/"))
                        .setRoute(RouteAction.newBuilder().setCluster("outbound|9080||reviews")))).build();
    }

    @Test
    void binaryDumpRoundTripsThroughRead() throws Exception {
        // a private filter type the evaluator does not know stays packed and is never a problem
        Filter privateFilter = Filter.newBuilder().setName("istio.private")
                .setTypedConfig(Any.pack(StringValue.of("x"), "type.istio.io")).build();
        Listener outbound = Envoy.listener("0.0.0.0_9080", "0.0.0.0", 9080,
                Envoy.chain("http", Envoy.match().build(), privateFilter, Envoy.hcmFilter(Envoy.rdsHcm("9080"))));
        ClusterLoadAssignment cla = ClusterLoadAssignment.newBuilder().setClusterName("outbound|9080||reviews")
                .addEndpoints(LocalityLbEndpoints.newBuilder().addLbEndpoints(Envoy.endpoint("10.1.0.5", 9080))).build();
        Listener virtual = Envoy.listener("virtualOutbound", "0.0.0.0", 15001).toBuilder()
                .setUseOriginalDst(Envoy.yes()).build();
        ConfigDump dump = Envoy.dump(List.of(virtual, outbound), List.of(Envoy.edsCluster("outbound|9080||reviews")),
                List.of(routes()), List.of(cla));
        Path pb = dir.resolve("client.pb");
        Files.write(pb, dump.toByteArray());

        ProxyConfig config = ProxyConfig.read(pb);

        assertEquals(List.of("virtualOutbound", "0.0.0.0_9080"), config.listeners().stream().map(Listener::getName).toList());
        assertEquals(outbound, config.listener("0.0.0.0_9080").orElseThrow());
        assertEquals(List.of("outbound|9080||reviews"), List.copyOf(config.clusters().keySet()));
        assertEquals(routes(), config.routeConfig("9080"));
        assertEquals(cla, config.loadAssignment("outbound|9080||reviews").orElseThrow());
        assertEquals("outbound|9080||reviews",
                HttpRouting.outbound(config, "10.96.0.7", 9080, HttpRequest.of("GET", "reviews", "/")).cluster());
    }

    @Test
    void warmingListenersAreNotServing() {
        Listener warming = Envoy.listener("warming", "0.0.0.0", 80);
        ConfigDump dump = ConfigDump.newBuilder().addConfigs(Any.pack(ListenersConfigDump.newBuilder()
                .addDynamicListeners(ListenersConfigDump.DynamicListener.newBuilder().setName("warming")
                        .setWarmingState(ListenersConfigDump.DynamicListenerState.newBuilder().setListener(Any.pack(warming))))
                .addStaticListeners(ListenersConfigDump.StaticListener.newBuilder()
                        .setListener(Any.pack(Envoy.listener("static", "0.0.0.0", 15090))))
                .build())).build();

        assertEquals(List.of("static"), ProxyConfig.of(dump).listeners().stream().map(Listener::getName).toList());
    }

    @Test
    void readsProtojsonWithKnownTypes() throws Exception {
        String json = """
                {"configs": [{
                  "@type": "type.googleapis.com/envoy.admin.v3.RoutesConfigDump",
                  "dynamic_route_configs": [{"route_config": {
                    "@type": "type.googleapis.com/envoy.config.route.v3.RouteConfiguration",
                    "name": "9080",
                    "virtual_hosts": [{"name": "reviews", "domains": ["reviews"],
                      "routes": [{"match": {"prefix": "/"}, "route": {"cluster": "outbound|9080||reviews"}}]}]
                  }}]
                }]}
                """;

        assertEquals(routes(), ProxyConfig.readJson(json).routeConfig("9080"));
    }

    @Test
    void protojsonWithAnUnknownTypeIsRejected() {
        String json = """
                {"configs": [{"@type": "type.googleapis.com/istio.private.Thing", "x": 1}]}
                """;

        assertThrows(InvalidProtocolBufferException.class, () -> ProxyConfig.readJson(json));
    }

    @Test
    void missingClusterNamesItself() {
        ProxyConfig empty = ProxyConfig.of(ConfigDump.getDefaultInstance());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> empty.cluster("nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
