package io.meshfed.judge;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.List;

/** Small builders for hand-made Envoy configs in the evaluator's tests. */
final class Envoy {

    private Envoy() {
    }

    static Address address(String ip, int port) {
        return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(ip).setPortValue(port)).build();
    }

    static Filter hcmFilter(HttpConnectionManager hcm) {
        return Filter.newBuilder().setName("envoy.filters.network.http_connection_manager")
                .setTypedConfig(Any.pack(hcm)).build();
    }

    static HttpConnectionManager rdsHcm(String routeName, HttpFilter... filters) {
        return HttpConnectionManager.newBuilder().setStatPrefix("test")
                .setRds(Rds.newBuilder().setRouteConfigName(routeName)).addAllHttpFilters(List.of(filters)).build();
    }

    static HttpConnectionManager inlineHcm(RouteConfiguration rc, HttpFilter... filters) {
        return HttpConnectionManager.newBuilder().setStatPrefix("test").setRouteConfig(rc)
                .addAllHttpFilters(List.of(filters)).build();
    }

    static HttpFilter filter(String name, Message config) {
        return HttpFilter.newBuilder().setName(name).setTypedConfig(Any.pack(config)).build();
    }

    static FilterChain chain(String name, FilterChainMatch match, Filter... filters) {
        return FilterChain.newBuilder().setName(name).setFilterChainMatch(match).addAllFilters(List.of(filters)).build();
    }

    static FilterChainMatch.Builder match() {
        return FilterChainMatch.newBuilder();
    }

    static FilterChainMatch port(int port) {
        return match().setDestinationPort(UInt32Value.of(port)).build();
    }

    static Listener listener(String name, String ip, int port, FilterChain... chains) {
        return Listener.newBuilder().setName(name).setAddress(address(ip, port)).addAllFilterChains(List.of(chains)).build();
    }

    static TransportSocket socket(Message config) {
        return TransportSocket.newBuilder().setName("ts").setTypedConfig(Any.pack(config)).build();
    }

    static TransportSocket rawBuffer() {
        return socket(RawBuffer.getDefaultInstance());
    }

    static StringMatcher exact(String s) {
        return StringMatcher.newBuilder().setExact(s).build();
    }

    static StringMatcher prefix(String s) {
        return StringMatcher.newBuilder().setPrefix(s).build();
    }

    static Metadata tlsMode(String mode) {
        return Metadata.newBuilder().putFilterMetadata(UpstreamTls.MATCH_KEY, Struct.newBuilder()
                .putFields("tlsMode", Value.newBuilder().setStringValue(mode).build()).build()).build();
    }

    static LbEndpoint endpoint(String ip, int port) {
        return LbEndpoint.newBuilder().setEndpoint(Endpoint.newBuilder().setAddress(address(ip, port))).build();
    }

    static LbEndpoint endpoint(String ip, int port, int weight) {
        return endpoint(ip, port).toBuilder().setLoadBalancingWeight(UInt32Value.of(weight)).build();
    }

    static Cluster edsCluster(String name) {
        return Cluster.newBuilder().setName(name).setType(Cluster.DiscoveryType.EDS).build();
    }

    static BoolValue yes() {
        return BoolValue.of(true);
    }

    /** A dump with everything in the dynamic-active sections, as a running Envoy reports xDS config. */
    static ConfigDump dump(List<Listener> listeners, List<Cluster> clusters, List<RouteConfiguration> routes,
            List<ClusterLoadAssignment> assignments) {
        ListenersConfigDump.Builder l = ListenersConfigDump.newBuilder();
        listeners.forEach(x -> l.addDynamicListeners(ListenersConfigDump.DynamicListener.newBuilder().setName(x.getName())
                .setActiveState(ListenersConfigDump.DynamicListenerState.newBuilder().setListener(Any.pack(x)))));
        ClustersConfigDump.Builder c = ClustersConfigDump.newBuilder();
        clusters.forEach(x -> c.addDynamicActiveClusters(ClustersConfigDump.DynamicCluster.newBuilder().setCluster(Any.pack(x))));
        RoutesConfigDump.Builder r = RoutesConfigDump.newBuilder();
        routes.forEach(x -> r.addDynamicRouteConfigs(RoutesConfigDump.DynamicRouteConfig.newBuilder().setRouteConfig(Any.pack(x))));
        EndpointsConfigDump.Builder e = EndpointsConfigDump.newBuilder();
        assignments.forEach(x -> e.addDynamicEndpointConfigs(
                EndpointsConfigDump.DynamicEndpointConfig.newBuilder().setEndpointConfig(Any.pack(x))));
        return ConfigDump.newBuilder().addConfigs(Any.pack(l.build())).addConfigs(Any.pack(c.build()))
                .addConfigs(Any.pack(r.build())).addConfigs(Any.pack(e.build())).build();
    }
}
