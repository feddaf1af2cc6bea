package io.meshfed.judge;

import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Envoy's HTTP RBAC filters ({@code envoy.extensions.filters.http.rbac.v3.RBAC}) run in the HCM's
 * filter order; the first filter that denies ends the request with 403. A filter without
 * {@code rules} allows everything (Istio leaves them out when only dry-run policies exist); its
 * {@code shadow_rules} never change the outcome. A policy matches when any permission and any
 * principal match; policies are tried in name order, as Envoy keeps them in an ordered map.
 * ALLOW: a matching policy allows, none denies. DENY: a matching policy denies. LOG: allows.
 * Istio orders the filters CUSTOM, AUDIT, DENY, ALLOW (pilot/pkg/security/authz/builder/builder.go, 1.30.3).
 * Not modelled: per-route RBAC overrides, CEL conditions (rejected), the {@code matcher} API (rejected).
 */
public final class Rbac {

    public static final String NO_ALLOW_MATCHED = "no ALLOW policy matched";

    private Rbac() {
    }

    public static RbacDecision evaluate(HttpConnectionManager hcm, RbacRequest request) {
        return evaluate(hcm.getHttpFiltersList(), request);
    }

    public static RbacDecision evaluate(List<HttpFilter> filters, RbacRequest request) {
        String allowedBy = null;
        for (HttpFilter f : filters) {
            if (f.getDisabled()) {
                continue;
            }
            Optional<io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC> cfg =
                    EnvoyTypes.unpack(f.getTypedConfig(), io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC.class);
            if (cfg.isEmpty() || !cfg.get().hasRules()) {
                if (cfg.isPresent() && cfg.get().hasMatcher()) {
                    throw new UnsupportedOperationException("RBAC filter " + f.getName() + " uses the matcher API");
                }
                continue;
            }
            RBAC rules = cfg.get().getRules();
            String matched = firstMatch(rules.getPoliciesMap(), request);
            switch (rules.getAction()) {
                case ALLOW -> {
                    if (matched == null) {
                        return new RbacDecision(false, NO_ALLOW_MATCHED);
                    }
                    allowedBy = matched;
                }
                case DENY -> {
                    if (matched != null) {
                        return new RbacDecision(false, matched);
                    }
                }
                case LOG -> {
                }
                case UNRECOGNIZED -> throw new IllegalArgumentException("unknown RBAC action in filter " + f.getName());
            }
        }
        return new RbacDecision(true, allowedBy);
    }

    /** The name of the first policy (in name order) that matches, or null. */
    static String firstMatch(Map<String, Policy> policies, RbacRequest request) {
        for (Map.Entry<String, Policy> e : new TreeMap<>(policies).entrySet()) {
            if (matches(e.getKey(), e.getValue(), request)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static boolean matches(String name, Policy p, RbacRequest request) {
        if (p.hasCondition() || p.hasCheckedCondition()) {
            throw new UnsupportedOperationException("RBAC policy " + name + " has a CEL condition");
        }
        return p.getPermissionsList().stream().anyMatch(x -> RbacMatchers.permission(x, request))
                && p.getPrincipalsList().stream().anyMatch(x -> RbacMatchers.principal(x, request));
    }
}
