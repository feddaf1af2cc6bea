package io.meshfed.judge;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Envoy's HTTP routing: HCM → route configuration (inline or RDS) → virtual host by authority →
 * the first route in order whose match holds → its action.
 */
public final class HttpRouting {

    /** Envoy's route timeout when {@code RouteAction.timeout} is unset (docs: RouteAction.timeout). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private HttpRouting() {
    }

    /** An application's plaintext request to {@code ip:port}, captured by the sidecar's virtual outbound listener. */
    public static RouteDecision outbound(ProxyConfig config, String ip, int port, HttpRequest request) {
        return route(config, Listeners.outbound(config, ip, port), Connection.plaintextHttp(ip, port), request);
    }

    public static RouteDecision route(ProxyConfig config, Listener listener, Connection connection, HttpRequest request) {
        Optional<FilterChain> chain = FilterChains.select(listener, connection);
        if (chain.isEmpty()) {
            return RouteDecision.failed(RouteDecision.Kind.NO_FILTER_CHAIN, null);
        }
        Optional<HttpConnectionManager> hcm = HttpConnectionManagers.of(chain.get());
        if (hcm.isEmpty()) {
            return TcpRouting.of(chain.get());
        }
        return route(config, hcm.get(), request);
    }

    public static RouteDecision route(ProxyConfig config, HttpConnectionManager hcm, HttpRequest request) {
        RouteConfiguration rc = routeConfig(config, hcm);
        String authority = request.authority();
        if (hcm.getStripAnyHostPort()) {
            authority = authority.replaceFirst(":[0-9]+$", "");
        }
        Optional<VirtualHost> vh = VirtualHosts.select(rc, authority);
        if (vh.isEmpty()) {
            return RouteDecision.failed(RouteDecision.Kind.NO_ROUTE, null);
        }
        for (Route r : vh.get().getRoutesList()) {
            if (RouteMatchers.matches(r.getMatch(), request)) {
                return decide(hcm, rc, vh.get(), r);
            }
        }
        return RouteDecision.failed(RouteDecision.Kind.NO_ROUTE, vh.get());
    }

    public static RouteConfiguration routeConfig(ProxyConfig config, HttpConnectionManager hcm) {
        return switch (hcm.getRouteSpecifierCase()) {
            case ROUTE_CONFIG -> hcm.getRouteConfig();
            case RDS -> config.routeConfig(hcm.getRds().getRouteConfigName());
            default -> throw new UnsupportedOperationException(
                    "HCM route specifier " + hcm.getRouteSpecifierCase() + " is not modelled");
        };
    }

    private static RouteDecision decide(HttpConnectionManager hcm, RouteConfiguration rc, VirtualHost vh, Route r) {
        Fault fault = Faults.of(hcm, rc, vh, r);
        switch (r.getActionCase()) {
            case DIRECT_RESPONSE:
                return new RouteDecision(RouteDecision.Kind.DIRECT_RESPONSE, vh, r, List.of(),
                        r.getDirectResponse().getStatus(), r.getDirectResponse().getBody().getInlineString(),
                        null, null, fault, null, null);
            case REDIRECT:
                int code = switch (r.getRedirect().getResponseCode()) {
                    case MOVED_PERMANENTLY, UNRECOGNIZED -> 301;
                    case FOUND -> 302;
                    case SEE_OTHER -> 303;
                    case TEMPORARY_REDIRECT -> 307;
                    case PERMANENT_REDIRECT -> 308;
                };
                return new RouteDecision(RouteDecision.Kind.REDIRECT, vh, r, List.of(), code, null, null, null, fault,
                        null, null);
            case ROUTE:
                RouteAction a = r.getRoute();
                Duration timeout = !a.hasTimeout() ? DEFAULT_TIMEOUT
                        : Durations.of(a.getTimeout()).isZero() ? null : Durations.of(a.getTimeout());
                Retry retry = a.hasRetryPolicy() ? Retry.of(a.getRetryPolicy())
                        : vh.hasRetryPolicy() ? Retry.of(vh.getRetryPolicy()) : null;
                return new RouteDecision(RouteDecision.Kind.CLUSTER, vh, r, clusters(a), 0, null, timeout, retry, fault,
                        a.getHostRewriteLiteral().isEmpty() ? null : a.getHostRewriteLiteral(),
                        a.getPrefixRewrite().isEmpty() ? null : a.getPrefixRewrite());
            default:
                throw new UnsupportedOperationException("route action " + r.getActionCase() + " is not modelled");
        }
    }

    private static List<ClusterShare> clusters(RouteAction a) {
        switch (a.getClusterSpecifierCase()) {
            case CLUSTER:
                return List.of(new ClusterShare(a.getCluster(), 1, 1));
            case WEIGHTED_CLUSTERS:
                return weighted(a.getWeightedClusters());
            default:
                throw new UnsupportedOperationException(
                        "cluster specifier " + a.getClusterSpecifierCase() + " is not modelled");
        }
    }

    /** Each weight over {@code total_weight} when set (Envoy then requires the sum to equal it), else over the sum. */
    static List<ClusterShare> weighted(WeightedCluster wc) {
        long sum = wc.getClustersList().stream().mapToLong(c -> c.getWeight().getValue()).sum();
        long total = sum;
        if (wc.hasTotalWeight() && wc.getTotalWeight().getValue() > 0) {
            total = wc.getTotalWeight().getValue();
            if (sum != total) {
                throw new IllegalArgumentException("weights sum to " + sum + " but total_weight is " + total
                        + ", which Envoy rejects");
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("weighted clusters with no weight, which Envoy rejects");
        }
        List<ClusterShare> shares = new ArrayList<>();
        for (WeightedCluster.ClusterWeight c : wc.getClustersList()) {
            if (c.getWeight().getValue() > 0) {
                shares.add(new ClusterShare(c.getName(), c.getWeight().getValue(), total));
            }
        }
        return shares;
    }
}
