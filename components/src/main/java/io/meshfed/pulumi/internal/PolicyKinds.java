package io.meshfed.pulumi.internal;

import io.meshfed.render.Yaml;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.Parent;
import io.meshfed.translate.Stage;
import java.util.List;
import java.util.Map;
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
        if (fromFailoverPolicy || "DestinationRule".equals(o.kind()) && hasOutlierDetection(o)) {
            return FAILOVER;
        }
        return TRAFFIC;
    }

    @SuppressWarnings("unchecked")
    private static boolean hasOutlierDetection(MeshObject o) {
        Map<String, Object> map = Yaml.serialization().convertValue(o.object(), Map.class);
        Object spec = map.get("spec");
        Object policy = spec instanceof Map<?, ?> s ? s.get("trafficPolicy") : null;
        return policy instanceof Map<?, ?> p && p.get("outlierDetection") != null;
    }
}
