package io.meshfed.verify;

import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.type.v1beta1.PolicyTargetReference;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Istio's authorization order for one destination workload: CUSTOM, then DENY, then ALLOW; with
 * no ALLOW policy in scope the request is allowed, with ALLOW policies in scope one must match.
 * AUDIT policies never change the decision.
 */
public final class AuthorizationEvaluator {

    public static final String ROOT_NAMESPACE = "istio-system";

    private final List<AuthorizationPolicy> policies;
    private final List<Namespace> namespaces;

    /** @param namespaces the cluster's Namespace objects, for waypoint ({@code istio.io/use-waypoint}) scoping */
    public AuthorizationEvaluator(List<AuthorizationPolicy> policies, List<Namespace> namespaces) {
        this.policies = List.copyOf(policies);
        this.namespaces = List.copyOf(namespaces);
    }

    public AccessDecision evaluate(Workload destination, AccessRequest request) {
        List<AuthorizationPolicy> scope = policies.stream().filter(p -> applies(p, destination)).toList();
        Optional<AuthorizationPolicy> custom = firstMatching(scope, AuthorizationPolicyAction.CUSTOM, request);
        if (custom.isPresent()) {
            return AccessDecision.deny("CUSTOM policy " + key(custom.get()) + " delegates to an external authorizer, which the simulator does not run");
        }
        Optional<AuthorizationPolicy> deny = firstMatching(scope, AuthorizationPolicyAction.DENY, request);
        if (deny.isPresent()) {
            return AccessDecision.deny("DENY policy " + key(deny.get()) + " matched");
        }
        List<AuthorizationPolicy> allows = scope.stream().filter(p -> action(p) == AuthorizationPolicyAction.ALLOW).toList();
        if (allows.isEmpty()) {
            return AccessDecision.allow("no ALLOW policy in scope");
        }
        Optional<AuthorizationPolicy> allow = firstMatching(scope, AuthorizationPolicyAction.ALLOW, request);
        return allow.map(p -> AccessDecision.allow("ALLOW policy " + key(p) + " matched"))
                .orElseGet(() -> AccessDecision.deny("no ALLOW policy matched (policies in scope: "
                        + String.join(", ", allows.stream().map(AuthorizationEvaluator::key).toList()) + ")"));
    }

    private static Optional<AuthorizationPolicy> firstMatching(List<AuthorizationPolicy> scope, AuthorizationPolicyAction action,
            AccessRequest request) {
        return scope.stream().filter(p -> action(p) == action)
                .filter(p -> p.getSpec().getRules() != null && p.getSpec().getRules().stream().anyMatch(r -> RuleMatcher.matches(r, request)))
                .findFirst();
    }

    private static AuthorizationPolicyAction action(AuthorizationPolicy p) {
        return p.getSpec() == null || p.getSpec().getAction() == null ? AuthorizationPolicyAction.ALLOW : p.getSpec().getAction();
    }

    static String key(AuthorizationPolicy p) {
        return p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
    }

    /** Root-namespace policies apply mesh-wide, others to their namespace; then selector or targetRefs narrow it. */
    private boolean applies(AuthorizationPolicy p, Workload w) {
        String ns = p.getMetadata().getNamespace();
        if (!ns.equals(ROOT_NAMESPACE) && !ns.equals(w.namespace())) {
            return false;
        }
        var spec = p.getSpec();
        if (spec == null) {
            return true;
        }
        List<PolicyTargetReference> targets = new ArrayList<>();
        if (spec.getTargetRefs() != null) {
            targets.addAll(spec.getTargetRefs());
        }
        if (spec.getTargetRef() != null) {
            targets.add(spec.getTargetRef());
        }
        if (!targets.isEmpty()) {
            return targets.stream().anyMatch(t -> targets(t, w));
        }
        Map<String, String> selector = spec.getSelector() == null ? null : spec.getSelector().getMatchLabels();
        return selector == null || selector.isEmpty() || Inventory.selects(selector, w.labels());
    }

    private boolean targets(PolicyTargetReference t, Workload w) {
        if ("Service".equals(t.getKind())) {
            return t.getName().equals(w.service());
        }
        if ("Gateway".equals(t.getKind())) {
            return namespaces.stream().anyMatch(n -> n.getMetadata().getName().equals(w.namespace())
                    && n.getMetadata().getLabels() != null && t.getName().equals(n.getMetadata().getLabels().get("istio.io/use-waypoint")));
        }
        return false;
    }
}
