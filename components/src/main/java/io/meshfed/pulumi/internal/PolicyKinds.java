package io.meshfed.pulumi.internal;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.Parent;
import io.meshfed.translate.Stage;
import java.util.List;
import java.util.Set;

/**
 * Splits a cluster's policy-stage objects between AccessPolicy, FailoverPolicy and TrafficPolicy.
 * Every object lands in exactly one: access kinds first, then DestinationRules carrying outlier
 * detection and the routes of failover policies (failover), then the rest (routes, subsets, version services).
 */
public enum PolicyKinds {
    ACCESS, FAILOVER, TRAFFIC;

    private static final Set<String> ACCESS_KINDS = Set.of("PeerAuthentication", "AuthorizationPolicy");

    public List<MeshObject> of(ClusterPlan plan) {
        return plan.objects(Stage.POLICIES).stream().filter(o -> classify(o) == this).toList();
    }

    static PolicyKinds classify(MeshObject o) {
        if (ACCESS_KINDS.contains(o.kind())) {
            return ACCESS;
        }
        boolean fromFailoverPolicy = "FailoverPolicy".equals(o.object().getMetadata().getLabels().get(Parent.PARENT_KIND));
        if (fromFailoverPolicy || hasOutlierDetection(o)) {
            return FAILOVER;
        }
        return TRAFFIC;
    }

    private static boolean hasOutlierDetection(MeshObject o) {
        return o.object() instanceof DestinationRule rule && rule.getSpec() != null && rule.getSpec().getTrafficPolicy() != null
                && rule.getSpec().getTrafficPolicy().getOutlierDetection() != null;
    }
}
