package io.meshfed.judge;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
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
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.listener.http_inspector.v3.HttpInspector;
import io.envoyproxy.envoy.extensions.filters.listener.original_dst.v3.OriginalDst;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.internal_upstream.v3.InternalUpstreamTransport;
import io.envoyproxy.envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import java.util.Optional;

/** The Envoy message types the evaluator reads, and unpacking of {@code Any} fields on demand. */
public final class EnvoyTypes {

    /** Types a protojson dump may contain; an {@code Any} of any other type makes {@link ProxyConfig#readJson} fail. */
    public static final JsonFormat.TypeRegistry REGISTRY = JsonFormat.TypeRegistry.newBuilder()
            .add(ConfigDump.getDescriptor())
            .add(ListenersConfigDump.getDescriptor())
            .add(ClustersConfigDump.getDescriptor())
            .add(RoutesConfigDump.getDescriptor())
            .add(EndpointsConfigDump.getDescriptor())
            .add(Listener.getDescriptor())
            .add(Cluster.getDescriptor())
            .add(RouteConfiguration.getDescriptor())
            .add(ClusterLoadAssignment.getDescriptor())
            .add(HttpConnectionManager.getDescriptor())
            .add(TcpProxy.getDescriptor())
            .add(Router.getDescriptor())
            .add(RBAC.getDescriptor())
            .add(io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RBAC.getDescriptor())
            .add(HTTPFault.getDescriptor())
            .add(UpstreamTlsContext.getDescriptor())
            .add(DownstreamTlsContext.getDescriptor())
            .add(RawBuffer.getDescriptor())
            .add(InternalUpstreamTransport.getDescriptor())
            .add(TlsInspector.getDescriptor())
            .add(HttpInspector.getDescriptor())
            .add(OriginalDst.getDescriptor())
            .build();

    private EnvoyTypes() {
    }

    /** The message packed in {@code any}, or empty when it holds another type. */
    public static <T extends Message> Optional<T> unpack(Any any, Class<T> type) {
        if (!any.is(type)) {
            return Optional.empty();
        }
        try {
            return Optional.of(any.unpack(type));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("corrupt " + any.getTypeUrl() + ": " + e.getMessage(), e);
        }
    }
}
