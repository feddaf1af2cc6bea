package io.meshfed.scenarios.controlplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Locality;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.meshfed.judge.EnvoyTypes;
import io.meshfed.judge.HttpConnectionManagers;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Asks a real istiod for one proxy's configuration over its plaintext xDS port (15010), as Envoy
 * does on an aggregated (ADS, state-of-the-world) stream: clusters, then the load assignments of the
 * EDS clusters, listeners, then the route configurations the listeners name; every response is
 * ACKed. The node is announced as pilot-agent announces it ({@code <type>~<ip>~<pod>.<ns>~<ns>.svc.cluster.local},
 * node metadata). The answer is an Envoy admin {@link ConfigDump}, the form the istio judge reads.
 */
final class XdsClient implements AutoCloseable {

    static final String CLUSTER = "type.googleapis.com/envoy.config.cluster.v3.Cluster";
    static final String ENDPOINT = "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment";
    static final String LISTENER = "type.googleapis.com/envoy.config.listener.v3.Listener";
    static final String ROUTE = "type.googleapis.com/envoy.config.route.v3.RouteConfiguration";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManagedChannel channel;

    XdsClient(int port) {
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .maxInboundMessageSize(256 * 1024 * 1024).build();
    }

    /** The node of a proxy announcement ({@code OracleWorkspace.announcement}). */
    @SuppressWarnings("unchecked")
    static Node node(Map<String, Object> announcement) {
        String namespace = (String) announcement.get("namespace");
        String id = announcement.get("type") + "~" + announcement.get("ip") + "~" + announcement.get("podName") + "." + namespace
                + "~" + namespace + ".svc.cluster.local";
        Struct.Builder metadata = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(JSON.writeValueAsString(announcement.get("metadata")), metadata);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("cannot encode the node metadata of " + id, e);
        }
        String[] locality = String.valueOf(announcement.getOrDefault("locality", "")).split("/", -1);
        Locality.Builder l = Locality.newBuilder();
        if (locality.length > 0) {
            l.setRegion(locality[0]);
        }
        if (locality.length > 1) {
            l.setZone(locality[1]);
        }
        if (locality.length > 2) {
            l.setSubZone(locality[2]);
        }
        Map<String, Object> meta = (Map<String, Object>) announcement.get("metadata");
        String workload = String.valueOf(meta.getOrDefault("WORKLOAD_NAME", announcement.get("podName")));
        return Node.newBuilder().setId(id).setCluster(workload + "." + namespace).setMetadata(metadata).setLocality(l).build();
    }

    /** Everything istiod sends the node, as a config dump. */
    ConfigDump fetch(Node node) {
        Stream stream = new Stream(node);
        try {
            List<Any> clusters = stream.request(CLUSTER, List.of());
            TreeSet<String> edsNames = new TreeSet<>();
            ClustersConfigDump.Builder clusterDump = ClustersConfigDump.newBuilder();
            for (Any a : clusters) {
                Cluster c = unpack(a, Cluster.class);
                clusterDump.addDynamicActiveClusters(ClustersConfigDump.DynamicCluster.newBuilder().setCluster(a));
                if (c.getType() == Cluster.DiscoveryType.EDS) {
                    String service = c.getEdsClusterConfig().getServiceName();
                    edsNames.add(service.isEmpty() ? c.getName() : service);
                }
            }
            EndpointsConfigDump.Builder endpointDump = EndpointsConfigDump.newBuilder();
            if (!edsNames.isEmpty()) {
                for (Any a : stream.request(ENDPOINT, List.copyOf(edsNames))) {
                    endpointDump.addDynamicEndpointConfigs(EndpointsConfigDump.DynamicEndpointConfig.newBuilder().setEndpointConfig(a));
                }
            }
            ListenersConfigDump.Builder listenerDump = ListenersConfigDump.newBuilder();
            TreeSet<String> routeNames = new TreeSet<>();
            for (Any a : stream.request(LISTENER, List.of())) {
                Listener listener = unpack(a, Listener.class);
                listenerDump.addDynamicListeners(ListenersConfigDump.DynamicListener.newBuilder().setName(listener.getName())
                        .setActiveState(ListenersConfigDump.DynamicListenerState.newBuilder().setListener(a)));
                routeNames.addAll(routeNames(listener));
            }
            RoutesConfigDump.Builder routeDump = RoutesConfigDump.newBuilder();
            if (!routeNames.isEmpty()) {
                for (Any a : stream.request(ROUTE, List.copyOf(routeNames))) {
                    routeDump.addDynamicRouteConfigs(RoutesConfigDump.DynamicRouteConfig.newBuilder().setRouteConfig(a));
                }
            }
            return ConfigDump.newBuilder().addConfigs(Any.pack(listenerDump.build())).addConfigs(Any.pack(clusterDump.build()))
                    .addConfigs(Any.pack(routeDump.build())).addConfigs(Any.pack(endpointDump.build())).build();
        } finally {
            stream.close();
        }
    }

    private static List<String> routeNames(Listener listener) {
        List<FilterChain> chains = new ArrayList<>(listener.getFilterChainsList());
        if (listener.hasDefaultFilterChain()) {
            chains.add(listener.getDefaultFilterChain());
        }
        return chains.stream().map(HttpConnectionManagers::of).flatMap(java.util.Optional::stream)
                .filter(HttpConnectionManager::hasRds).map(hcm -> hcm.getRds().getRouteConfigName()).toList();
    }

    private static <T extends com.google.protobuf.Message> T unpack(Any any, Class<T> type) {
        return EnvoyTypes.unpack(any, type).orElseThrow(() -> new IllegalStateException(
                "istiod sent " + any.getTypeUrl() + " where a " + type.getSimpleName() + " was asked for"));
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One ADS stream: a request per type, the matching response, its ACK. */
    private final class Stream {

        private final Node node;
        private final BlockingQueue<Object> responses = new LinkedBlockingQueue<>();
        private final StreamObserver<DiscoveryRequest> requests;
        private boolean first = true;

        Stream(Node node) {
            this.node = node;
            this.requests = AggregatedDiscoveryServiceGrpc.newStub(channel).streamAggregatedResources(new StreamObserver<>() {
                @Override
                public void onNext(DiscoveryResponse value) {
                    responses.add(value);
                }

                @Override
                public void onError(Throwable t) {
                    responses.add(t);
                }

                @Override
                public void onCompleted() {
                    responses.add(new IllegalStateException("istiod closed the xDS stream"));
                }
            });
        }

        List<Any> request(String typeUrl, List<String> names) {
            DiscoveryRequest.Builder request = DiscoveryRequest.newBuilder().setTypeUrl(typeUrl).addAllResourceNames(names);
            if (first) {
                request.setNode(node);
                first = false;
            }
            requests.onNext(request.build());
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                Object next;
                try {
                    next = responses.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for istiod", e);
                }
                if (next == null) {
                    throw new IllegalStateException("istiod sent no " + typeUrl + " to " + node.getId() + " within " + TIMEOUT.toSeconds() + " s");
                }
                if (next instanceof Throwable t) {
                    throw new IllegalStateException("xDS stream of " + node.getId() + " failed: " + t.getMessage(), t);
                }
                DiscoveryResponse response = (DiscoveryResponse) next;
                requests.onNext(DiscoveryRequest.newBuilder().setTypeUrl(response.getTypeUrl())
                        .setVersionInfo(response.getVersionInfo()).setResponseNonce(response.getNonce())
                        .addAllResourceNames(response.getTypeUrl().equals(typeUrl) ? names : List.of()).build());
                if (response.getTypeUrl().equals(typeUrl)) {
                    return response.getResourcesList();
                }
            }
        }

        void close() {
            try {
                requests.onCompleted();
            } catch (RuntimeException ignored) {
                // the stream may already be gone; nothing to release
            }
        }
    }
}
