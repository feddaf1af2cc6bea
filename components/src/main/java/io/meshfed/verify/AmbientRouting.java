package io.meshfed.verify;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.meshfed.spec.Durations;
import io.meshfed.translate.MeshPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ambient: a Gateway API HTTPRoute in the cluster that serves the request (attached to the
 * Service, or in Solo's flavor to the east-west gateway under the global host name) re-routes that
 * cluster's share to its backend Services and sets the request timeout, when the serving cluster's
 * namespace has a waypoint to apply it.
 */
final class AmbientRouting {

    private final MeshPlan plan;
    private final Endpoints endpoints;

    AmbientRouting(MeshPlan plan, Endpoints endpoints) {
        this.plan = plan;
        this.endpoints = endpoints;
    }

    RouteResult apply(Workload source, String host, Request request, RouteResult clientSide) {
        if (!plan.spec().ambient()) {
            return clientSide;
        }
        List<Share> shares = new ArrayList<>();
        Duration timeout = clientSide.timeout();
        String rule = clientSide.rule();
        for (Share share : clientSide.shares()) {
            Optional<HTTPRoute> route = share.ok() ? routeFor(share.cluster(), host) : Optional.empty();
            Optional<HTTPRouteRule> matched = route.flatMap(r -> r.getSpec().getRules().stream().filter(x -> matches(x, request)).findFirst());
            if (matched.isEmpty()) {
                shares.add(share);
                continue;
            }
            rule = "HTTPRoute " + route.get().getMetadata().getNamespace() + "/" + route.get().getMetadata().getName() + " in " + share.cluster();
            if (matched.get().getTimeouts() != null && matched.get().getTimeouts().getRequest() != null) {
                timeout = Durations.require(matched.get().getTimeouts().getRequest());
            }
            shares.addAll(backends(share, matched.get(), route.get().getMetadata().getNamespace(), source));
        }
        return new RouteResult(host, rule, merge(shares), timeout, clientSide.delay(), clientSide.delayPercent(),
                clientSide.abortStatus(), clientSide.abortPercent());
    }

    private List<Share> merge(List<Share> shares) {
        Map<String, Share> merged = new java.util.LinkedHashMap<>();
        for (Share s : shares) {
            merged.merge(s.cluster() + "|" + s.version() + "|" + s.outcome(), s,
                    (a, b) -> new Share(a.cluster(), a.version(), a.percent() + b.percent(), a.outcome()));
        }
        return new ArrayList<>(merged.values());
    }

    private Optional<HTTPRoute> routeFor(String cluster, String host) {
        String service = host.split("\\.")[0];
        String ns = Endpoints.namespaceOf(host);
        if (!waypoint(cluster, ns)) {
            return Optional.empty();
        }
        return plan.cluster(cluster).ofType(HTTPRoute.class).stream().filter(r -> r.getSpec().getParentRefs().stream().anyMatch(p ->
                ("Gateway".equals(p.getKind()) && r.getSpec().getHostnames() != null && r.getSpec().getHostnames().contains(host))
                        || ("Service".equals(p.getKind()) && p.getName().equals(service) && r.getMetadata().getNamespace().equals(ns)
                        && host.endsWith(".svc.cluster.local")))).findFirst();
    }

    /**
     * ztunnel is L4 only: an HTTPRoute attached to a Service takes effect in the service's waypoint
     * (pilot/pkg/networking/core/listener_waypoint.go, Istio 1.30.3), so only where the namespace uses one.
     */
    private boolean waypoint(String cluster, String ns) {
        return plan.cluster(cluster).ofType(io.fabric8.kubernetes.api.model.Namespace.class).stream()
                .anyMatch(n -> n.getMetadata().getName().equals(ns) && n.getMetadata().getLabels() != null
                        && n.getMetadata().getLabels().containsKey("istio.io/use-waypoint"));
    }

    private static boolean matches(HTTPRouteRule rule, Request request) {
        if (rule.getMatches() == null || rule.getMatches().isEmpty()) {
            return true;
        }
        return rule.getMatches().stream().anyMatch(m -> {
            boolean headers = m.getHeaders() == null || m.getHeaders().stream().allMatch(h -> {
                String v = request.headers().get(h.getName().toLowerCase(java.util.Locale.ROOT));
                return v != null && ("RegularExpression".equals(h.getType()) ? v.matches(h.getValue()) : v.equals(h.getValue()));
            });
            boolean path = m.getPath() == null || switch (String.valueOf(m.getPath().getType())) {
                case "Exact" -> request.path().equals(m.getPath().getValue());
                case "RegularExpression" -> request.path().matches(m.getPath().getValue());
                default -> request.path().startsWith(m.getPath().getValue());
            };
            return headers && path;
        });
    }

    private List<Share> backends(Share share, HTTPRouteRule rule, String ns, Workload source) {
        List<HTTPBackendRef> refs = rule.getBackendRefs();
        double total = refs.stream().mapToDouble(r -> r.getWeight() == null ? 1 : r.getWeight()).sum();
        List<Share> out = new ArrayList<>();
        for (HTTPBackendRef ref : refs) {
            double part = share.percent() * (ref.getWeight() == null ? 1 : ref.getWeight()) / total;
            Optional<Map<String, String>> selector = "Service".equals(ref.getKind()) || ref.getKind() == null
                    ? endpoints.serviceSelector(share.cluster(), ref.getName() + "." + ns + ".svc.cluster.local") : Optional.empty();
            if (selector.isEmpty()) {
                out.add(new Share(share.cluster(), share.version(), part, null));
                continue;
            }
            List<Endpoint> pods = endpoints.pods(share.cluster(), ns, selector.get());
            Workload local = new Workload(share.cluster(), ns, "", "", null, Map.of(), "", "");
            LoadBalancer.distribute(pods, local, null).forEach((e, f) -> out.add(e == null
                    ? new Share("-", null, part * f, "503 no healthy upstream") : new Share(e.cluster(), e.version(), part * f, null)));
        }
        return out;
    }
}
