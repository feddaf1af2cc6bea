package io.meshfed.judge.ambient;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.common.set_filter_state.v3.FilterStateValue;
import io.envoyproxy.envoy.extensions.filters.http.set_filter_state.v3.Config;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.meshfed.judge.Connection;
import io.meshfed.judge.DownstreamTls;
import io.meshfed.judge.EndpointShare;
import io.meshfed.judge.EnvoyTypes;
import io.meshfed.judge.FilterChains;
import io.meshfed.judge.HttpConnectionManagers;
import io.meshfed.judge.HttpRequest;
import io.meshfed.judge.HttpRouting;
import io.meshfed.judge.Listeners;
import io.meshfed.judge.LoadBalancing;
import io.meshfed.judge.ProxyConfig;
import io.meshfed.judge.RouteDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An Envoy (waypoint or east-west gateway) terminating an HBONE CONNECT on its 15008 listener
 * ({@code connect_terminate}, pilot/pkg/networking/core/listener_waypoint.go
 * buildConnectTerminateListener, Istio 1.30.3): the mTLS handshake (a client certificate is required
 * and its SAN validated), the HCM's {@code set_filter_state} filters (the CONNECT authority, the
 * peer's URI SAN, {@code x-istio-source}), and the CONNECT route to the internal listener that picks
 * the service's filter chain.
 */
final class HboneTermination {

    private HboneTermination() {
    }

    /** The internal listener reached and the filter state set, or why the CONNECT failed. */
    record Result(Listener internal, Map<String, String> filterState, String problem) {

        static Result failed(String problem) {
            return new Result(null, Map.of(), problem);
        }
    }

    static Result terminate(ProxyConfig config, String podIp, String clientIdentity, String authority, Map<String, String> headers) {
        Optional<Listener> hbone = Listeners.at(config, podIp, 15008);
        if (hbone.isEmpty()) {
            return Result.failed("connection refused: no listener on " + podIp + ":15008");
        }
        Optional<FilterChain> chain = FilterChains.select(hbone.get(), Connection.tls(podIp, 15008, null, List.of("h2")));
        if (chain.isEmpty()) {
            return Result.failed("connection reset: no filter chain on " + hbone.get().getName());
        }
        Optional<DownstreamTls> tls = DownstreamTls.of(chain.get());
        if (tls.isEmpty()) {
            return Result.failed("the HBONE listener " + hbone.get().getName() + " has no TLS");
        }
        String refused = tls.get().accepts(clientIdentity);
        if (refused != null) {
            return Result.failed("TLS handshake refused: " + refused);
        }
        HttpConnectionManager hcm = HttpConnectionManagers.of(chain.get())
                .orElseThrow(() -> new UnsupportedOperationException("HBONE listener " + hbone.get().getName() + " without an HCM"));
        HttpRequest connect = HttpRequest.of("CONNECT", authority, "");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            connect = connect.withHeader(h.getKey(), h.getValue());
        }
        Map<String, String> state = filterState(hcm, connect, clientIdentity);
        RouteDecision d = HttpRouting.route(config, hcm, connect);
        if (d.kind() != RouteDecision.Kind.CLUSTER || d.clusters().size() != 1) {
            return Result.failed("the CONNECT to " + authority + " is not routed to one cluster (" + d.kind() + ")");
        }
        List<EndpointShare> to = LoadBalancing.shares(config, d.cluster(), Set.of());
        if (to.size() != 1 || !to.get(0).address().startsWith("internal:")) {
            throw new UnsupportedOperationException("CONNECT cluster " + d.cluster() + " does not lead to one internal listener");
        }
        String name = to.get(0).address().substring("internal:".length()).replaceFirst("/.*$", "");
        Listener internal = Listeners.internal(config, name).orElseThrow(() -> new IllegalArgumentException(
                "cluster " + d.cluster() + " sends to internal listener " + name + ", which the proxy does not have"));
        return new Result(internal, state, null);
    }

    /**
     * The string filter state the HCM's {@code set_filter_state} filters set on the request headers.
     * Formats modelled: {@code %REQ(h)%} (absent header: no value), {@code %DOWNSTREAM_PEER_URI_SAN%};
     * entries with other formats are left out, so a matcher reading them finds no value.
     */
    static Map<String, String> filterState(HttpConnectionManager hcm, HttpRequest request, String peerUriSan) {
        Map<String, String> state = new LinkedHashMap<>();
        for (HttpFilter f : hcm.getHttpFiltersList()) {
            Optional<Config> sfs = EnvoyTypes.unpack(f.getTypedConfig(), Config.class);
            if (sfs.isEmpty()) {
                continue;
            }
            for (FilterStateValue v : sfs.get().getOnRequestHeadersList()) {
                String format = v.getFormatString().getTextFormatSource().getInlineString();
                String value = null;
                if (format.matches("%REQ\\([^)]+\\)%")) {
                    value = request.header(format.substring(5, format.length() - 2));
                } else if (format.equals("%DOWNSTREAM_PEER_URI_SAN%")) {
                    value = peerUriSan;
                }
                if (value != null && !value.isEmpty()) {
                    state.put(v.getObjectKey(), value);
                }
            }
        }
        return state;
    }
}
