package io.meshfed.judge;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.time.Duration;
import java.util.List;

/**
 * What Envoy does with one request: forward it to {@code clusters} (shares summing to 1), answer it
 * itself ({@code DIRECT_RESPONSE}, {@code REDIRECT}: {@code status}), or fail it ({@code NO_ROUTE}: 404,
 * {@code NO_FILTER_CHAIN}: connection closed). {@code timeout} null means disabled; {@code retry},
 * {@code fault}, {@code hostRewrite} and {@code prefixRewrite} are null when not configured.
 */
public record RouteDecision(Kind kind, VirtualHost virtualHost, Route route, List<ClusterShare> clusters,
        int status, String body, Duration timeout, Retry retry, Fault fault, String hostRewrite, String prefixRewrite) {

    public enum Kind { CLUSTER, DIRECT_RESPONSE, REDIRECT, NO_ROUTE, NO_FILTER_CHAIN, TCP_PROXY }

    public RouteDecision {
        clusters = List.copyOf(clusters);
    }

    static RouteDecision failed(Kind kind, VirtualHost vh) {
        return new RouteDecision(kind, vh, null, List.of(), kind == Kind.NO_ROUTE ? 404 : 0, null, null, null, null,
                null, null);
    }

    /** The single cluster of a non-weighted route. */
    public String cluster() {
        if (clusters.size() != 1) {
            throw new IllegalStateException("route has " + clusters.size() + " clusters, not one: " + clusters);
        }
        return clusters.get(0).cluster();
    }

    public String routeName() {
        return route == null ? null : route.getName();
    }
}
