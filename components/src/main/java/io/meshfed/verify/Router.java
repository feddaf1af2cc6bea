package io.meshfed.verify;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjection;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortHttpStatus;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelayFixedDelay;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.meshfed.spec.Durations;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client-side routing as a sidecar applies it: the first VirtualService (gateways {@code mesh},
 * exported to the client) for the host, its first matching HTTP route, weighted destinations,
 * DestinationRule subsets over the endpoints, then load balancing. Ambient destination-side
 * HTTPRoutes are applied by {@link AmbientRouting}.
 */
public final class Router {

    private final MeshPlan plan;
    private final Endpoints endpoints;

    public Router(MeshPlan plan, Inventory inventory, Health health) {
        this.plan = plan;
        this.endpoints = new Endpoints(plan, inventory, health);
    }

    public RouteResult route(Workload source, String host, Request request) {
        ClusterPlan cluster = plan.cluster(source.cluster());
        Optional<VirtualService> vs = cluster.ofType(VirtualService.class).stream()
                .filter(v -> applies(v, source, host)).findFirst();
        if (vs.isEmpty()) {
            List<Share> shares = destination(source, host, null, 100.0);
            return new AmbientRouting(plan, endpoints).apply(source, host, request,
                    new RouteResult(host, "default route (no VirtualService)", shares, null, null, 0, null, 0));
        }
        String ns = vs.get().getMetadata().getNamespace();
        String name = "VirtualService " + ns + "/" + vs.get().getMetadata().getName();
        for (HTTPRoute route : vs.get().getSpec().getHttp()) {
            if (matches(route.getMatch(), source, request)) {
                return result(source, name + (route.getName() == null ? "" : " route " + route.getName()), host, ns, route);
            }
        }
        return new RouteResult(host, name, List.of(new Share("-", null, 100.0, "404 no route matched")), null, null, 0, null, 0);
    }

    private RouteResult result(Workload source, String rule, String host, String vsNamespace, HTTPRoute route) {
        List<HTTPRouteDestination> dests = route.getRoute();
        double total = dests.stream().mapToDouble(d -> d.getWeight() == null ? (dests.size() == 1 ? 100 : 0) : d.getWeight()).sum();
        List<Share> shares = new ArrayList<>();
        for (HTTPRouteDestination d : dests) {
            double weight = d.getWeight() == null ? (dests.size() == 1 ? 100 : 0) : d.getWeight();
            String target = Hosts.fqdn(d.getDestination().getHost(), vsNamespace);
            shares.addAll(destination(source, target, d.getDestination().getSubset(), 100.0 * weight / total));
        }
        Duration timeout = route.getTimeout() == null ? null : Durations.require(route.getTimeout());
        HTTPFaultInjection fault = route.getFault();
        Duration delay = null;
        double delayPercent = 0;
        Integer abort = null;
        double abortPercent = 0;
        if (fault != null && fault.getDelay() != null && fault.getDelay().getHttpDelayType() instanceof HTTPFaultInjectionDelayFixedDelay fixed) {
            delay = Durations.require(fixed.getFixedDelay());
            delayPercent = fault.getDelay().getPercentage() == null ? 100 : fault.getDelay().getPercentage().getValue();
        }
        if (fault != null && fault.getAbort() != null && fault.getAbort().getErrorType() instanceof HTTPFaultInjectionAbortHttpStatus status) {
            abort = status.getHttpStatus();
            abortPercent = fault.getAbort().getPercentage() == null ? 100 : fault.getAbort().getPercentage().getValue();
        }
        return new RouteResult(host, rule, shares, timeout, delay, delayPercent, abort, abortPercent);
    }

    private List<Share> destination(Workload source, String host, String subset, double percent) {
        return destination(source, host, subset, percent, 0);
    }

    /**
     * Shares per serving endpoint. A WorkloadEntry at another cluster's east-west gateway is not
     * where the request ends: that gateway resolves the connection's SNI (host and subset) in its
     * own cluster's view and balances again, as a proxy of that cluster.
     */
    private List<Share> destination(Workload source, String host, String subset, double percent, int gatewayHops) {
        List<Endpoint> all = endpoints.of(source, host);
        Optional<DestinationRule> dr = endpoints.destinationRule(source, host);
        List<Endpoint> selected = all;
        if (subset != null) {
            var found = dr.flatMap(r -> r.getSpec().getSubsets().stream().filter(s -> s.getName().equals(subset)).findFirst());
            if (found.isEmpty()) {
                return List.of(new Share("-", null, percent, "503 subset " + subset + " of " + host + " not found"
                        + (gatewayHops > 0 ? " at the east-west gateway of " + source.cluster() : "")));
            }
            selected = all.stream().filter(e -> Inventory.selects(found.get().getLabels(), e.labels())).toList();
        }
        List<Share> shares = new ArrayList<>();
        String none = all.isEmpty() ? "503 no endpoints for " + host + " in " + source.cluster() : "503 no healthy upstream";
        LoadBalancer.distribute(selected, source, dr.map(r -> r.getSpec().getTrafficPolicy()).orElse(null)).forEach((e, f) -> {
            if (e == null) {
                shares.add(new Share("-", null, percent * f, none));
            } else if (e.cluster().equals(source.cluster()) || plan.spec().ambient()) {
                shares.add(new Share(e.cluster(), e.version(), percent * f, null));
            } else if (gatewayHops >= 1) {
                shares.add(new Share("-", null, percent * f, "508 the east-west gateway of " + source.cluster()
                        + " forwards " + host + " on to " + e.cluster()));
            } else {
                shares.addAll(destination(endpoints.eastWestGateway(e.cluster()), host, subset, percent * f, gatewayHops + 1));
            }
        });
        return shares;
    }

    private static boolean applies(VirtualService v, Workload source, String host) {
        var spec = v.getSpec();
        String ns = v.getMetadata().getNamespace();
        boolean mesh = spec.getGateways() == null || spec.getGateways().isEmpty() || spec.getGateways().contains("mesh");
        return mesh && Hosts.exported(spec.getExportTo(), ns, source.namespace())
                && spec.getHosts().stream().anyMatch(h -> Hosts.matches(h, ns, host));
    }

    private static boolean matches(List<HTTPMatchRequest> matches, Workload source, Request request) {
        return matches == null || matches.isEmpty() || matches.stream().anyMatch(m -> matches(m, source, request));
    }

    private static boolean matches(HTTPMatchRequest m, Workload source, Request request) {
        boolean headers = m.getHeaders() == null || m.getHeaders().entrySet().stream()
                .allMatch(h -> StringMatches.matches(h.getValue(), request.headers().get(h.getKey().toLowerCase(java.util.Locale.ROOT))));
        boolean without = m.getWithoutHeaders() == null || m.getWithoutHeaders().entrySet().stream()
                .noneMatch(h -> StringMatches.matches(h.getValue(), request.headers().get(h.getKey().toLowerCase(java.util.Locale.ROOT))));
        boolean uri = m.getUri() == null || StringMatches.matches(m.getUri(), request.path());
        boolean labels = m.getSourceLabels() == null || Inventory.selects(m.getSourceLabels(), source.labels());
        boolean ns = m.getSourceNamespace() == null || m.getSourceNamespace().equals(source.namespace());
        return headers && without && uri && labels && ns;
    }


}
