package io.meshfed.judge.ambient;

import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.meshfed.judge.EnvoyTypes;
import io.meshfed.judge.IstioPolicyNames;
import io.meshfed.judge.Rbac;
import io.meshfed.judge.RbacDecision;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Names a waypoint's RBAC decision by Istio's policies: the deciding policy as
 * {@code <namespace>/<name>} ({@link IstioPolicyNames}), or, when no ALLOW policy matched, the ALLOW
 * policies the filters held.
 */
final class WaypointPolicies {

    private WaypointPolicies() {
    }

    static String describe(HttpConnectionManager hcm, RbacDecision d) {
        if (!Rbac.NO_ALLOW_MATCHED.equals(d.reason())) {
            String policy = IstioPolicyNames.policy(d.reason());
            return "DENY policy " + (policy == null ? d.reason() : policy) + " matched";
        }
        TreeSet<String> allow = new TreeSet<>();
        for (HttpFilter f : hcm.getHttpFiltersList()) {
            EnvoyTypes.unpack(f.getTypedConfig(), RBAC.class).filter(r -> r.hasRules()
                    && r.getRules().getAction() == io.envoyproxy.envoy.config.rbac.v3.RBAC.Action.ALLOW)
                    .ifPresent(r -> r.getRules().getPoliciesMap().keySet().stream().map(IstioPolicyNames::policy)
                            .filter(Objects::nonNull).forEach(allow::add));
        }
        return Rbac.NO_ALLOW_MATCHED + " (policies in scope: " + String.join(", ", allow) + ")";
    }
}
