package io.meshfed.translate;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortHttpStatusBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelayBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelayFixedDelayBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequestBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetryBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestinationBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.PercentBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExactBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefixBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegexBuilder;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.meshfed.spec.FaultSpec;
import io.meshfed.spec.MatchSpec;
import io.meshfed.spec.RouteSpec;
import io.meshfed.spec.ServiceSpec;
import io.meshfed.spec.SplitSpec;
import io.meshfed.spec.StringMatchSpec;
import io.meshfed.spec.TrafficPolicySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * Stage 7 (traffic): a VirtualService per traffic policy in each source cluster, routing to the
 * global host's subsets when the service is federated and to the local host's otherwise. Ambient
 * meshes get Gateway API HTTPRoutes (see {@link AmbientRoutes}) unless a route needs fault
 * injection or retries, which only a VirtualService expresses.
 */
final class TrafficTranslation {

    private final Context ctx;
    private final DestinationRules destinationRules;
    private final AmbientRoutes ambientRoutes;

    TrafficTranslation(Context ctx, DestinationRules destinationRules) {
        this.ctx = ctx;
        this.destinationRules = destinationRules;
        this.ambientRoutes = new AmbientRoutes(ctx);
    }

    List<MeshObject> translate(String cluster) {
        List<MeshObject> out = new ArrayList<>();
        // Sidecar meshes: only the policies written into this cluster; ambient ones ask every policy.
        for (TrafficPolicySpec policy : ctx.spec.ambient() ? ctx.spec.traffic() : ctx.trafficInto(cluster)) {
            if (ctx.spec.ambient() && AmbientRoutes.expressible(policy)) {
                out.addAll(ambientRoutes.translate(cluster, policy));
            } else if (ctx.graph.writesInto(policy, cluster)) {
                out.add(MeshObject.of(Stage.POLICIES, virtualService(cluster, policy)));
            }
        }
        out.addAll(failoverRoutes(cluster));
        out.addAll(localDestinationRules(cluster));
        return out;
    }

    /**
     * Callers use the local name ({@code reviews}), whose endpoints are only the local pods, so
     * failover could never leave the cluster. Where a cluster backs a federated service with a
     * failover policy, has its global host with another cluster behind it, and no traffic policy
     * routes the service there, the local host is sent to the global host, whose DestinationRule
     * orders the endpoints of every backing cluster by failover priority.
     */
    private List<MeshObject> failoverRoutes(String cluster) {
        if (ctx.spec.ambient()) {
            return List.of();
        }
        java.util.Set<String> routedHere = new java.util.HashSet<>();
        ctx.trafficInto(cluster).forEach(t -> routedHere.add(t.destination().namespace() + "/" + t.destination().service()));
        java.util.Set<String> globalHostsHere = new java.util.HashSet<>();
        ctx.exportsInto(cluster).forEach(e -> globalHostsHere.add(e.namespace() + "/" + e.service()));
        List<MeshObject> out = new ArrayList<>();
        for (ServiceSpec local : ctx.servicesIn(cluster)) {
            String key = local.namespace() + "/" + local.name();
            boolean remoteReachable = ctx.graph.backings(local.name(), local.namespace()).stream()
                    .anyMatch(b -> !b.cluster().equals(cluster) && ctx.graph.reachable(cluster, b.cluster(), local.name(), local.namespace()));
            if (routedHere.contains(key) || !globalHostsHere.contains(key) || !remoteReachable) {
                continue;
            }
            ctx.failover(local.name(), local.namespace()).ifPresent(failover ->
                    out.add(MeshObject.of(Stage.POLICIES, new VirtualServiceBuilder()
                            .withMetadata(ctx.meta(Names.of(failover.name()), local.namespace(), new Parent("FailoverPolicy", failover.name(), cluster)))
                            .withNewSpec()
                            .withHosts(local.localHost())
                            .addNewHttp()
                            .withName(Names.of(failover.name()))
                            .addNewRoute().withNewDestination().withHost(ctx.hosts.host(local.name(), local.namespace())).endDestination().endRoute()
                            .endHttp()
                            .endSpec()
                            .build())));
        }
        return out;
    }


    private VirtualService virtualService(String cluster, TrafficPolicySpec policy) {
        String service = policy.destination().service();
        String ns = policy.destination().namespace();
        boolean federated = ctx.graph.federated(service, ns);
        java.util.Set<String> hosts = new java.util.LinkedHashSet<>();
        ctx.graph.backing(service, ns, cluster)
                .ifPresent(local -> hosts.add(local.localHost()));
        if (federated) {
            hosts.add(ctx.hosts.host(service, ns)); // the local host itself in upstream ambient meshes
        }
        String target = federated ? ctx.hosts.host(service, ns) : service + "." + ns + ".svc.cluster.local";
        List<io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute> routes = new ArrayList<>();
        for (RouteSpec route : policy.routes()) {
            routes.add(route(route, target, federated));
        }
        return new VirtualServiceBuilder()
                .withMetadata(ctx.meta(Names.of(policy.name()), ns, new Parent("TrafficPolicy", policy.name(), cluster)))
                .withNewSpec().withHosts(new ArrayList<>(hosts)).withHttp(routes).endSpec()
                .build();
    }

    private io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute route(RouteSpec route, String target, boolean federated) {
        var builder = new io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteBuilder();
        if (route.name() != null) {
            builder.withName(route.name());
        }
        if (route.match() != null) {
            builder.withMatch(match(route.match()));
        }
        List<HTTPRouteDestination> destinations = new ArrayList<>();
        for (SplitSpec split : route.split()) {
            String subset = split.subset() == null && split.cluster() == null ? null
                    : federated ? Subsets.name(split.cluster(), split.subset()) : split.subset();
            destinations.add(new HTTPRouteDestinationBuilder()
                    .withNewDestination().withHost(target).withSubset(subset).endDestination()
                    .withWeight(route.split().size() == 1 ? null : split.weight())
                    .build());
        }
        builder.withRoute(destinations);
        if (route.timeout() != null) {
            builder.withTimeout(route.timeout());
        }
        if (route.retries() != null) {
            builder.withRetries(new HTTPRetryBuilder().withAttempts(route.retries().attempts())
                    .withPerTryTimeout(route.retries().perTryTimeout()).withRetryOn(route.retries().retryOn()).build());
        }
        if (route.fault() != null) {
            builder.withFault(fault(route.fault()));
        }
        return builder.build();
    }

    static HTTPMatchRequest match(MatchSpec match) {
        HTTPMatchRequestBuilder builder = new HTTPMatchRequestBuilder();
        if (!match.headers().isEmpty()) {
            Map<String, StringMatch> headers = new LinkedHashMap<>();
            match.headers().forEach((name, value) -> headers.put(name, stringMatch(value)));
            builder.withHeaders(headers);
        }
        if (match.uri() != null) {
            builder.withUri(stringMatch(match.uri()));
        }
        return builder.build();
    }

    private static StringMatch stringMatch(StringMatchSpec spec) {
        if (spec.exact() != null) {
            return new StringMatchBuilder().withMatchType(new StringMatchExactBuilder().withExact(spec.exact()).build()).build();
        }
        if (spec.prefix() != null) {
            return new StringMatchBuilder().withMatchType(new StringMatchPrefixBuilder().withPrefix(spec.prefix()).build()).build();
        }
        return new StringMatchBuilder().withMatchType(new StringMatchRegexBuilder().withRegex(spec.regex()).build()).build();
    }

    private static io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjection fault(FaultSpec fault) {
        HTTPFaultInjectionBuilder builder = new HTTPFaultInjectionBuilder();
        if (fault.delay() != null) {
            builder.withDelay(new HTTPFaultInjectionDelayBuilder()
                    .withHttpDelayType(new HTTPFaultInjectionDelayFixedDelayBuilder().withFixedDelay(fault.delay().fixedDelay()).build())
                    .withPercentage(new PercentBuilder().withValue(percent(fault.delay().percent())).build())
                    .build());
        }
        if (fault.abort() != null) {
            builder.withAbort(new HTTPFaultInjectionAbortBuilder()
                    .withErrorType(new HTTPFaultInjectionAbortHttpStatusBuilder().withHttpStatus(fault.abort().httpStatus()).build())
                    .withPercentage(new PercentBuilder().withValue(percent(fault.abort().percent())).build())
                    .build());
        }
        return builder.build();
    }

    private static double percent(Double value) {
        return value == null ? 100.0 : value;
    }

    /** {@code namespace/service} of every service routed by subset or failed over: the same for every cluster. */
    private static Set<String> localRuleServices(Context ctx) {
        Set<String> needed = new HashSet<>();
        for (TrafficPolicySpec policy : ctx.spec.traffic()) {
            boolean usesSubsets = policy.routes().stream().flatMap(r -> r.split().stream()).anyMatch(s -> s.subset() != null);
            if (usesSubsets && (!ctx.spec.ambient() || !AmbientRoutes.expressible(policy))) {
                needed.add(policy.destination().namespace() + "/" + policy.destination().service());
            }
        }
        ctx.spec.failover().forEach(f -> needed.add(f.service().namespace() + "/" + f.service().service()));
        return Set.copyOf(needed);
    }

    /** Local-host DestinationRules for services routed by subset or failed over without federation. */
    private List<MeshObject> localDestinationRules(String cluster) {
        if (ctx.localRuleServices == null) {
            ctx.localRuleServices = localRuleServices(ctx);
        }
        Set<String> needed = ctx.localRuleServices;
        List<MeshObject> out = new ArrayList<>();
        for (ServiceSpec service : ctx.servicesIn(cluster)) {
            if (needed.contains(service.namespace() + "/" + service.name()) && !ctx.graph.federated(service.name(), service.namespace())) {
                out.add(MeshObject.of(Stage.POLICIES, destinationRules.local(service, new Parent("Service", service.name(), cluster))));
            }
        }
        return out;
    }
}
