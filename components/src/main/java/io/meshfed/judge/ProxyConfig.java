package io.meshfed.judge;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One proxy's active configuration from an Envoy admin config dump: listeners, clusters, route
 * configurations and load assignments, from the static and the dynamic-active entries (warming and
 * draining entries do not serve traffic). Nested {@code Any} fields stay packed until a rule reads them.
 */
public final class ProxyConfig {

    private final List<Listener> listeners;
    private final Map<String, Cluster> clusters;
    private final Map<String, RouteConfiguration> routes;
    private final Map<String, ClusterLoadAssignment> endpoints;

    private ProxyConfig(List<Listener> listeners, Map<String, Cluster> clusters,
            Map<String, RouteConfiguration> routes, Map<String, ClusterLoadAssignment> endpoints) {
        this.listeners = Collections.unmodifiableList(listeners);
        this.clusters = Collections.unmodifiableMap(clusters);
        this.routes = Collections.unmodifiableMap(routes);
        this.endpoints = Collections.unmodifiableMap(endpoints);
    }

    /** Reads a binary {@code envoy.admin.v3.ConfigDump}. */
    public static ProxyConfig read(Path pb) throws IOException {
        return of(ConfigDump.parseFrom(Files.readAllBytes(pb)));
    }

    /** Parses a protojson dump whose {@code Any} fields hold only {@link EnvoyTypes#REGISTRY} types. */
    public static ProxyConfig readJson(String json) throws InvalidProtocolBufferException {
        ConfigDump.Builder dump = ConfigDump.newBuilder();
        JsonFormat.parser().usingTypeRegistry(EnvoyTypes.REGISTRY).merge(json, dump);
        return of(dump.build());
    }

    public static ProxyConfig of(ConfigDump dump) {
        List<Listener> listeners = new ArrayList<>();
        Map<String, Cluster> clusters = new LinkedHashMap<>();
        Map<String, RouteConfiguration> routes = new LinkedHashMap<>();
        Map<String, ClusterLoadAssignment> endpoints = new LinkedHashMap<>();
        for (Any config : dump.getConfigsList()) {
            EnvoyTypes.unpack(config, ListenersConfigDump.class).ifPresent(d -> {
                d.getStaticListenersList().forEach(s -> listeners.add(unpack(s.getListener(), Listener.class)));
                d.getDynamicListenersList().stream().filter(l -> l.hasActiveState())
                        .forEach(l -> listeners.add(unpack(l.getActiveState().getListener(), Listener.class)));
            });
            EnvoyTypes.unpack(config, ClustersConfigDump.class).ifPresent(d -> {
                d.getStaticClustersList().forEach(s -> put(clusters, unpack(s.getCluster(), Cluster.class)));
                d.getDynamicActiveClustersList().forEach(s -> put(clusters, unpack(s.getCluster(), Cluster.class)));
            });
            EnvoyTypes.unpack(config, RoutesConfigDump.class).ifPresent(d -> {
                d.getStaticRouteConfigsList().forEach(
                        s -> put(routes, unpack(s.getRouteConfig(), RouteConfiguration.class)));
                d.getDynamicRouteConfigsList().forEach(
                        s -> put(routes, unpack(s.getRouteConfig(), RouteConfiguration.class)));
            });
            EnvoyTypes.unpack(config, EndpointsConfigDump.class).ifPresent(d -> {
                d.getStaticEndpointConfigsList().forEach(
                        s -> put(endpoints, unpack(s.getEndpointConfig(), ClusterLoadAssignment.class)));
                d.getDynamicEndpointConfigsList().forEach(
                        s -> put(endpoints, unpack(s.getEndpointConfig(), ClusterLoadAssignment.class)));
            });
        }
        return new ProxyConfig(listeners, clusters, routes, endpoints);
    }

    private static <T extends com.google.protobuf.Message> T unpack(Any any, Class<T> type) {
        return EnvoyTypes.unpack(any, type).orElseThrow(() -> new IllegalArgumentException(
                "expected " + type.getSimpleName() + " in the config dump, found " + any.getTypeUrl()));
    }

    private static void put(Map<String, Cluster> map, Cluster c) {
        map.put(c.getName(), c);
    }

    private static void put(Map<String, RouteConfiguration> map, RouteConfiguration r) {
        map.put(r.getName(), r);
    }

    private static void put(Map<String, ClusterLoadAssignment> map, ClusterLoadAssignment a) {
        map.put(a.getClusterName(), a);
    }

    public List<Listener> listeners() {
        return listeners;
    }

    public Map<String, Cluster> clusters() {
        return clusters;
    }

    public Map<String, RouteConfiguration> routeConfigs() {
        return routes;
    }

    public Map<String, ClusterLoadAssignment> loadAssignments() {
        return endpoints;
    }

    public Optional<Listener> listener(String name) {
        return listeners.stream().filter(l -> l.getName().equals(name)).findFirst();
    }

    public Cluster cluster(String name) {
        Cluster c = clusters.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no cluster " + name + " in this proxy's config");
        }
        return c;
    }

    public RouteConfiguration routeConfig(String name) {
        RouteConfiguration r = routes.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no route configuration " + name + " in this proxy's config");
        }
        return r;
    }

    /** The EDS assignment published under {@code serviceName}, if the dump holds one. */
    public Optional<ClusterLoadAssignment> loadAssignment(String serviceName) {
        return Optional.ofNullable(endpoints.get(serviceName));
    }
}
