package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.meshfed.pulumi.internal.Children;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.GatewayAddresses;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.GatewayAddressPlaceholder;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.Stage;
import java.util.List;
import java.util.Map;

/**
 * Stage 5: the cluster's own east-west gateway (the gateway chart, then the Gateway objects and
 * waypoints). Gateway objects that embed another cluster's address (ambient remote peers) are
 * federation and registered by {@link MeshFederation}, which waits for that cluster's gateway.
 */
public final class EastWestGateway extends ComponentResource {

    public static final String TYPE = "meshfed:index:EastWestGateway";

    /**
     * The declared address; else, with a gateway chart (sidecar mode), the load-balancer address of
     * its Service once installed; else (ambient, undeclared) the placeholder the translation wrote.
     */
    @Export(name = "address", refs = {String.class})
    public final Output<String> address;

    @Export(name = "objectCount", refs = {Integer.class})
    public final Output<Integer> objectCount;

    public EastWestGateway(String name, EastWestGatewayArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        ClusterPlan plan = Plans.cluster(args.spec(), args.cluster());
        ClusterSpec cluster = Plans.mesh(args.spec()).spec().requireCluster(args.cluster());
        Children children = new Children(this, args.cluster(), null);
        Output<List<Resource>> deps = Dependencies.of(options);
        List<Release> releases = children.releases(plan.releases(Stage.GATEWAYS), deps);
        List<MeshObject> own = ownObjects(plan);
        children.objects(own, Dependencies.plus(deps, releases));
        this.address = address(cluster, plan, releases);
        this.objectCount = Output.of(own.size() + releases.size());
        registerOutputs(Map.of("address", address, "objectCount", objectCount));
    }

    private Output<String> address(ClusterSpec cluster, ClusterPlan plan, List<Release> releases) {
        if (cluster.eastWestGateway().hasAddress()) {
            return Output.of(cluster.eastWestGateway().address());
        }
        if (releases.isEmpty()) {
            return Output.of(GatewayAddressPlaceholder.of(cluster.name()));
        }
        var chart = plan.releases(Stage.GATEWAYS).get(0);
        return GatewayAddresses.ofService(this, cluster.name(), chart.namespace(), chart.name(), releases.get(0));
    }

    static List<MeshObject> ownObjects(ClusterPlan plan) {
        return plan.objects(Stage.GATEWAYS).stream().filter(o -> o.needsGatewayOf().isEmpty()).toList();
    }
}
