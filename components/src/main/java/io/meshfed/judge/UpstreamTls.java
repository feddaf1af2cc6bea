package io.meshfed.judge;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.extensions.transport_sockets.internal_upstream.v3.InternalUpstreamTransport;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a cluster connects to one endpoint. Envoy picks the first {@code transport_socket_matches}
 * entry whose {@code match} is a subset of the endpoint's {@code envoy.transport_socket_match}
 * metadata (an empty match takes every endpoint), else the cluster's {@code transport_socket}, else
 * plaintext. Istio's auto mTLS writes {@code tlsMode-istio} (match {@code tlsMode: istio}) with the
 * TLS socket, then {@code tlsMode-disabled} (empty match, raw buffer)
 * (pilot/pkg/networking/core/cluster_tls.go, 1.30.3). An {@code internal_upstream} socket
 * (Istio's HBONE match) is unwrapped to the socket it carries, with {@code internalUpstream} set.
 */
public record UpstreamTls(String matchName, boolean tls, boolean internalUpstream, String sni, List<String> alpn,
        SanMatchers serverSans, List<String> certificateSds, String validationSds) {

    static final String MATCH_KEY = "envoy.transport_socket_match";

    public static UpstreamTls of(ProxyConfig config, String cluster, Metadata endpointMetadata) {
        Cluster c = config.cluster(cluster);
        Struct labels = endpointMetadata.getFilterMetadataOrDefault(MATCH_KEY, Struct.getDefaultInstance());
        for (Cluster.TransportSocketMatch m : c.getTransportSocketMatchesList()) {
            if (subset(m.getMatch(), labels)) {
                return of(m.getName(), m.getTransportSocket(), false);
            }
        }
        if (c.hasTransportSocket()) {
            return of(null, c.getTransportSocket(), false);
        }
        return plaintext(null, false);
    }

    private static UpstreamTls of(String matchName, TransportSocket socket, boolean internal) {
        Optional<InternalUpstreamTransport> wrapper = EnvoyTypes.unpack(socket.getTypedConfig(), InternalUpstreamTransport.class);
        if (wrapper.isPresent()) {
            return of(matchName, wrapper.get().getTransportSocket(), true);
        }
        Optional<UpstreamTlsContext> tls = EnvoyTypes.unpack(socket.getTypedConfig(), UpstreamTlsContext.class);
        if (tls.isEmpty()) {
            return plaintext(matchName, internal);
        }
        CommonTlsContext common = tls.get().getCommonTlsContext();
        return new UpstreamTls(matchName, true, internal, tls.get().getSni(), List.copyOf(common.getAlpnProtocolsList()),
                SanMatchers.of(common), common.getTlsCertificateSdsSecretConfigsList().stream().map(s -> s.getName()).toList(),
                common.hasCombinedValidationContext()
                        ? common.getCombinedValidationContext().getValidationContextSdsSecretConfig().getName()
                        : common.hasValidationContextSdsSecretConfig() ? common.getValidationContextSdsSecretConfig().getName() : null);
    }

    private static UpstreamTls plaintext(String matchName, boolean internal) {
        return new UpstreamTls(matchName, false, internal, null, List.of(), SanMatchers.NONE, List.of(), null);
    }

    private static boolean subset(Struct match, Struct labels) {
        for (Map.Entry<String, Value> e : match.getFieldsMap().entrySet()) {
            if (!e.getValue().equals(labels.getFieldsMap().get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Null when the client accepts a server presenting the URI SAN {@code serverSpiffeId}, else the reason. */
    public String acceptsServer(String serverSpiffeId) {
        if (!tls) {
            return null;
        }
        return serverSans.accepts(serverSpiffeId, "server");
    }
}
