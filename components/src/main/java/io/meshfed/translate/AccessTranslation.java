package io.meshfed.translate;

import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleBuilder;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.RuleFromBuilder;
import io.fabric8.istio.api.api.security.v1beta1.RuleToBuilder;
import io.fabric8.istio.api.api.type.v1beta1.PolicyTargetReference;
import io.fabric8.istio.api.api.type.v1beta1.PolicyTargetReferenceBuilder;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import io.fabric8.istio.api.security.v1.PeerAuthenticationBuilder;
import io.meshfed.spec.AccessPolicySpec;
import io.meshfed.spec.DestinationSelectorSpec;
import io.meshfed.spec.NamespaceRef;
import io.meshfed.spec.ServiceAccountRef;
import io.meshfed.spec.ServiceSpec;
import io.meshfed.spec.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stage 7 (security): mesh-wide PeerAuthentication, the global deny (an empty ALLOW policy in the
 * root namespace), one ALLOW policy per access policy and destination, and namespace isolation.
 */
final class AccessTranslation {

    static final String GLOBAL_DENY = "global-deny";
    static final String NAMESPACE_ISOLATION = "namespace-isolation";

    private final Context ctx;
    private final List<String> waypointNamespaces;

    AccessTranslation(Context ctx, List<String> waypointNamespaces) {
        this.ctx = ctx;
        this.waypointNamespaces = waypointNamespaces;
    }

    List<MeshObject> translate(String cluster) {
        List<MeshObject> out = new ArrayList<>();
        Parent meshParent = new Parent("AccessControl", ctx.spec.name(), cluster);
        out.add(MeshObject.of(Stage.POLICIES, new PeerAuthenticationBuilder()
                .withMetadata(ctx.meta("default", Context.ROOT_NAMESPACE, meshParent))
                .withNewSpec().withNewMtls().withMode(PeerAuthenticationMutualTLSMode.valueOf(ctx.spec.access().mtls())).endMtls().endSpec()
                .build()));
        if (ctx.spec.access().globalDefaultDeny()) {
            out.add(MeshObject.of(Stage.POLICIES, new AuthorizationPolicyBuilder()
                    .withMetadata(ctx.meta(GLOBAL_DENY, Context.ROOT_NAMESPACE, meshParent))
                    .withNewSpec().endSpec()
                    .build()));
        }
        for (AccessPolicySpec policy : ctx.spec.access().policies()) {
            out.addAll(allow(cluster, policy));
        }
        for (NamespaceRef isolated : ctx.spec.access().namespaceIsolation()) {
            if (isolated.cluster() == null || isolated.cluster().equals(cluster)) {
                out.add(MeshObject.of(Stage.POLICIES, isolation(cluster, isolated.namespace())));
            }
        }
        return out;
    }

    private List<MeshObject> allow(String cluster, AccessPolicySpec policy) {
        DestinationSelectorSpec to = policy.to();
        if (!to.clusters().isEmpty() && !to.clusters().contains(cluster)) {
            return List.of();
        }
        Parent parent = new Parent("AccessPolicy", policy.name(), cluster);
        List<MeshObject> out = new ArrayList<>();
        if (!to.services().isEmpty()) {
            // Built only for clusters that run a selected service: most clusters run none of them.
            List<Rule> rules = null;
            for (ServiceSpec service : ctx.servicesIn(cluster, to.services())) {
                if (to.namespaces().isEmpty() || to.namespaces().contains(service.namespace())) {
                    rules = rules == null ? List.of(rule(policy)) : rules;
                    String name = to.services().size() == 1 ? policy.name() : Names.of(policy.name(), service.name());
                    out.add(MeshObject.of(Stage.POLICIES, policy(name, service.namespace(), parent, service.selector(),
                            targets(service.namespace(), service.name()), rules)));
                }
            }
            return out;
        }
        Set<String> namespaces = new TreeSet<>(to.namespaces());
        if (namespaces.isEmpty()) {
            ctx.servicesIn(cluster).forEach(s -> namespaces.add(s.namespace()));
        } else if (to.clusters().isEmpty()) {
            Set<String> declared = new TreeSet<>();
            ctx.servicesIn(cluster).forEach(s -> declared.add(s.namespace()));
            namespaces.retainAll(declared);
        }
        List<Rule> rules = namespaces.isEmpty() ? List.of() : List.of(rule(policy));
        for (String ns : namespaces) {
            Map<String, String> selector = to.labels().isEmpty() ? null : to.labels();
            out.add(MeshObject.of(Stage.POLICIES, policy(policy.name(), ns, parent, selector,
                    selector == null ? targets(ns, null) : List.of(), rules)));
        }
        return out;
    }

    /** In ambient mode a namespace served by a waypoint is enforced there; L4-only otherwise. */
    private List<PolicyTargetReference> targets(String namespace, String service) {
        if (!ctx.spec.ambient() || !waypointNamespaces.contains(namespace)) {
            return List.of();
        }
        if (service != null) {
            return List.of(new PolicyTargetReferenceBuilder().withGroup("").withKind("Service").withName(service).build());
        }
        return List.of(waypointRef());
    }

    private static PolicyTargetReference waypointRef() {
        return new PolicyTargetReferenceBuilder().withGroup("gateway.networking.k8s.io").withKind("Gateway")
                .withName(WaypointTranslation.WAYPOINT).build();
    }

    private AuthorizationPolicy policy(String name, String ns, Parent parent, Map<String, String> selector,
                                       List<PolicyTargetReference> targets, List<Rule> rules) {
        var spec = new AuthorizationPolicyBuilder()
                .withMetadata(ctx.meta(Names.of(name), ns, parent))
                .withNewSpec().withAction(AuthorizationPolicyAction.ALLOW).withRules(rules);
        if (!targets.isEmpty()) {
            spec.withTargetRefs(targets);
        } else if (selector != null) {
            spec.withNewSelector().withMatchLabels(new TreeMap<>(selector)).endSelector();
        }
        return spec.endSpec().build();
    }

    private Rule rule(AccessPolicySpec policy) {
        RuleBuilder rule = new RuleBuilder();
        List<RuleFrom> from = new ArrayList<>();
        for (SourceSpec source : policy.from()) {
            from.addAll(sources(source));
        }
        if (!from.isEmpty()) {
            rule.withFrom(from);
        }
        if (!policy.methods().isEmpty() || !policy.paths().isEmpty() || !policy.ports().isEmpty()) {
            var operation = new io.fabric8.istio.api.api.security.v1beta1.OperationBuilder();
            if (!policy.methods().isEmpty()) {
                operation.withMethods(policy.methods());
            }
            if (!policy.paths().isEmpty()) {
                operation.withPaths(policy.paths());
            }
            if (!policy.ports().isEmpty()) {
                operation.withPorts(policy.ports().stream().map(String::valueOf).toList());
            }
            rule.withTo(new RuleToBuilder().withOperation(operation.build()).build());
        }
        return rule.build();
    }

    /** Principals and namespaces are separate sources: within one source Istio ANDs them. */
    private List<RuleFrom> sources(SourceSpec source) {
        List<String> principals = new ArrayList<>();
        List<String> namespaces = new ArrayList<>();
        for (ServiceAccountRef sa : source.serviceAccounts()) {
            principals.add(sa.cluster() == null ? "*/ns/" + sa.namespace() + "/sa/" + sa.name()
                    : ctx.principal(sa.cluster(), sa.namespace(), sa.name()));
        }
        for (NamespaceRef ns : source.namespaces()) {
            if (ns.cluster() == null) {
                namespaces.add(ns.namespace());
            } else {
                principals.add(ctx.principal(ns.cluster(), ns.namespace(), "*"));
            }
        }
        List<RuleFrom> from = new ArrayList<>();
        if (!principals.isEmpty()) {
            from.add(new RuleFromBuilder().withNewSource().withPrincipals(principals).endSource().build());
        }
        if (!namespaces.isEmpty()) {
            from.add(new RuleFromBuilder().withNewSource().withNamespaces(namespaces).endSource().build());
        }
        return from;
    }

    private AuthorizationPolicy isolation(String cluster, String ns) {
        Rule rule = new RuleBuilder().withFrom(new RuleFromBuilder().withNewSource().withNamespaces(ns).endSource().build()).build();
        return policy(NAMESPACE_ISOLATION, ns, new Parent("NamespaceIsolation", ns, cluster), null, targets(ns, null), List.of(rule));
    }
}
