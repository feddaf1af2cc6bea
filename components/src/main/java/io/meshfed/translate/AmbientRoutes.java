package io.meshfed.translate;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.meshfed.spec.MatchSpec;
import io.meshfed.spec.RouteSpec;
import io.meshfed.spec.ServiceSpec;
import io.meshfed.spec.SplitSpec;
import io.meshfed.spec.StringMatchSpec;
import io.meshfed.spec.TrafficPolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ambient routing with the Gateway API, written where the destination runs: an HTTPRoute attached to
 * the Service (GAMMA), which the service's waypoint enforces, and a Service per routed version. Also
 * for federated services: an ambient east-west gateway builds only TCP chains for the global services
 * it serves and hands them to the service's waypoint or pods (pilot/pkg/networking/core/
 * listener_waypoint.go buildWaypointInternal, Istio 1.30.3), so an HTTPRoute attached to it would never
 * apply. Solo's flavor keeps its former form for federated services (parent: the east-west gateway,
 * host name and backend: the {@code mesh.internal} name).
 */
final class AmbientRoutes {

    private final Context ctx;

    AmbientRoutes(Context ctx) {
        this.ctx = ctx;
    }

    /** HTTPRoute has no fault injection, retries (standard channel) or header prefix match. */
    static boolean expressible(TrafficPolicySpec policy) {
        return policy.routes().stream().allMatch(r -> r.fault() == null && r.retries() == null
                && (r.match() == null || r.match().headers().values().stream().allMatch(h -> h.prefix() == null)));
    }

    List<MeshObject> translate(String cluster, TrafficPolicySpec policy) {
        String service = policy.destination().service();
        String ns = policy.destination().namespace();
        ServiceSpec local = ctx.graph.backing(service, ns, cluster).orElse(null);
        if (local == null) {
            return List.of();
        }
        Parent parent = new Parent("TrafficPolicy", policy.name(), cluster);
        boolean federated = ctx.graph.federated(service, ns);
        int port = local.ports().get(0).number();
        List<HTTPRouteRule> rules = new ArrayList<>();
        TreeMap<String, Service> versionServices = new TreeMap<>();
        for (RouteSpec route : policy.routes()) {
            List<HTTPBackendRef> backends = new ArrayList<>();
            for (SplitSpec split : route.split()) {
                backends.add(backend(split, local, federated, port, parent, versionServices));
            }
            HTTPRouteRuleBuilder rule = new HTTPRouteRuleBuilder().withBackendRefs(backends);
            if (route.match() != null) {
                rule.withMatches(match(route.match()));
            }
            if (route.timeout() != null) {
                rule.withNewTimeouts().withRequest(route.timeout()).endTimeouts();
            }
            rules.add(rule.build());
        }
        var spec = new HTTPRouteBuilder()
                .withMetadata(ctx.meta(Names.of(policy.name()), ns, parent))
                .withNewSpec().withParentRefs(parentRef(local, federated)).withRules(rules);
        if (solo(federated)) {
            spec.withHostnames(ctx.hosts.host(service, ns));
        }
        List<MeshObject> out = new ArrayList<>();
        out.add(MeshObject.of(Stage.POLICIES, spec.endSpec().build()));
        versionServices.values().forEach(s -> out.add(MeshObject.of(Stage.POLICIES, s)));
        return out;
    }

    /** Solo's flavor keeps its own form for federated services (the east-west gateway, the mesh.internal name); not judged here. */
    private boolean solo(boolean federated) {
        return federated && ctx.spec.istio().soloEastWestGateways();
    }

    private ParentReference parentRef(ServiceSpec local, boolean federated) {
        if (solo(federated)) {
            return new ParentReferenceBuilder().withGroup("gateway.networking.k8s.io").withKind("Gateway")
                    .withName(GatewayTranslation.AMBIENT_GATEWAY)
                    .withNamespace(ctx.cluster(local.cluster()).eastWestGateway().namespace()).build();
        }
        return new ParentReferenceBuilder().withGroup("").withKind("Service").withName(local.name()).build();
    }

    private HTTPBackendRef backend(SplitSpec split, ServiceSpec local, boolean federated, int port, Parent parent,
                                   Map<String, Service> versionServices) {
        HTTPBackendRefBuilder ref = new HTTPBackendRefBuilder().withPort(port).withWeight(split.weight() == null ? 1 : split.weight());
        if (split.subset() != null) {
            String name = Names.of(local.name(), split.subset());
            versionServices.computeIfAbsent(name, n -> versionService(n, local, split.subset(), parent));
            return ref.withGroup("").withKind("Service").withName(name).build();
        }
        if (solo(federated)) {
            return ref.withGroup("networking.istio.io").withKind("Hostname").withName(ctx.hosts.host(local.name(), local.namespace())).build();
        }
        return ref.withGroup("").withKind("Service").withName(local.name()).build();
    }

    private Service versionService(String name, ServiceSpec local, String version, Parent parent) {
        Map<String, String> selector = new TreeMap<>(local.selector());
        selector.put("version", version);
        return new ServiceBuilder()
                .withMetadata(ctx.meta(name, local.namespace(), parent))
                .withNewSpec().withSelector(selector)
                .withPorts(local.ports().stream().map(FederationTranslation::kubePort).toList())
                .endSpec().build();
    }

    private static HTTPRouteMatch match(MatchSpec match) {
        HTTPRouteMatchBuilder builder = new HTTPRouteMatchBuilder();
        match.headers().forEach((name, value) -> builder.addToHeaders(new HTTPHeaderMatchBuilder()
                .withName(name).withType(value.exact() != null ? "Exact" : "RegularExpression")
                .withValue(value.exact() != null ? value.exact() : value.regex()).build()));
        StringMatchSpec uri = match.uri();
        if (uri != null) {
            String type = uri.exact() != null ? "Exact" : uri.prefix() != null ? "PathPrefix" : "RegularExpression";
            String value = uri.exact() != null ? uri.exact() : uri.prefix() != null ? uri.prefix() : uri.regex();
            builder.withNewPath().withType(type).withValue(value).endPath();
        }
        return builder.build();
    }
}
