package io.meshfed.spec;

import java.util.List;

/**
 * Ordered routes for requests to one destination service, written into {@code sourceClusters}
 * (default: every cluster that can reach the destination).
 */
public record TrafficPolicySpec(String name, ServiceRef destination, List<String> sourceClusters, List<RouteSpec> routes) {

    public TrafficPolicySpec {
        sourceClusters = Lists.of(sourceClusters);
        routes = Lists.of(routes);
    }
}
