package io.meshfed.pulumi.internal;

import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.ServiceRef;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.Parent;
import io.meshfed.translate.Stage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which typed component registers which translated object. Every object of a cluster's plan has
 * exactly one owner (the {@code Mesh} test checks it): the cluster its {@code istio-system}
 * namespace, the gateway its namespace, its waypoints' namespaces and its own gateway objects, the
 * federation the other namespaces,
 * the peers and the federation stage, and each policy component the policy-stage objects of its
 * kind ({@link PolicyKinds}) that name it (or its service) as their parent.
 */
public final class Ownership {

    private static final String ROOT_NAMESPACE = "istio-system";

    private Ownership() {
    }

    public static List<MeshObject> cluster(ClusterPlan plan) {
        return select(plan, Stage.NAMESPACES, o -> o.name().equals(ROOT_NAMESPACE));
    }

    /** The gateway's namespace and those of its cluster's waypoints (the gateway registers the waypoints). */
    public static List<MeshObject> gatewayNamespaces(ClusterPlan plan, MeshSpec spec) {
        Set<String> own = gatewayOwned(plan.cluster(), spec);
        return select(plan, Stage.NAMESPACES, o -> !o.name().equals(ROOT_NAMESPACE) && own.contains(o.name()));
    }

    /** Gateway-stage objects that embed no other cluster's address. */
    public static List<MeshObject> gateway(ClusterPlan plan) {
        return select(plan, Stage.GATEWAYS, o -> o.needsGatewayOf().isEmpty());
    }

    public static List<MeshObject> federationNamespaces(ClusterPlan plan, MeshSpec spec) {
        Set<String> gateway = gatewayOwned(plan.cluster(), spec);
        return select(plan, Stage.NAMESPACES, o -> !o.name().equals(ROOT_NAMESPACE) && !gateway.contains(o.name()));
    }

    private static Set<String> gatewayOwned(String cluster, MeshSpec spec) {
        Set<String> namespaces = new HashSet<>();
        namespaces.add(spec.requireCluster(cluster).eastWestGateway().namespace());
        spec.istio().waypoints().stream().filter(w -> cluster.equals(w.cluster())).forEach(w -> namespaces.add(w.namespace()));
        return namespaces;
    }

    /** Gateway-stage objects that embed another cluster's address (ambient peers). */
    public static List<MeshObject> peers(ClusterPlan plan) {
        return select(plan, Stage.GATEWAYS, o -> !o.needsGatewayOf().isEmpty());
    }

    public static List<MeshObject> federation(ClusterPlan plan) {
        return plan.objects(Stage.FEDERATION);
    }

    public static List<MeshObject> access(ClusterPlan plan) {
        return PolicyKinds.ACCESS.of(plan);
    }

    public static List<MeshObject> traffic(ClusterPlan plan, String policy, ServiceRef destination) {
        return PolicyKinds.TRAFFIC.of(plan).stream().filter(o -> names(o, "TrafficPolicy", policy) || isServiceRule(o, destination)).toList();
    }

    public static List<MeshObject> failover(ClusterPlan plan, String policy, ServiceRef service) {
        return PolicyKinds.FAILOVER.of(plan).stream().filter(o -> names(o, "FailoverPolicy", policy) || isServiceRule(o, service)).toList();
    }

    private static List<MeshObject> select(ClusterPlan plan, Stage stage, Predicate<MeshObject> owned) {
        return plan.objects(stage).stream().filter(owned).toList();
    }

    /** Whether the object's parent labels name this spec entry (the mesh label plays no part). */
    private static boolean names(MeshObject o, String kind, String name) {
        Map<String, String> labels = o.object().getMetadata().getLabels();
        Map<String, String> expected = new Parent(kind, name, null).labels("");
        return expected.get(Parent.PARENT_KIND).equals(labels.get(Parent.PARENT_KIND))
                && expected.get(Parent.PARENT_NAME).equals(labels.get(Parent.PARENT_NAME));
    }

    /** A service's local DestinationRule (its parent is the service, in its namespace). */
    private static boolean isServiceRule(MeshObject o, ServiceRef service) {
        return names(o, "Service", service.service()) && service.namespace().equals(o.namespace());
    }
}
