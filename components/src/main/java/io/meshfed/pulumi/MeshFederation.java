package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.meshfed.pulumi.internal.Children;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.KubernetesObject;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.Stage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Stage 6 of one cluster: global hosts, ServiceEntries, WorkloadEntries, DestinationRules, and
 * every object that embeds a remote cluster's gateway address. Pass the remote clusters'
 * {@link EastWestGateway}s (see {@link #remoteGateways}) in {@code dependsOn}.
 */
public final class MeshFederation extends ComponentResource {

    public static final String TYPE = "meshfed:index:MeshFederation";

    @Export(name = "objectCount", refs = {Integer.class})
    public final Output<Integer> objectCount;

    @Export(name = "remoteClusters", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> remoteClusters;

    public MeshFederation(String name, MeshFederationArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        ClusterPlan plan = Plans.cluster(args.spec(), args.cluster());
        Children children = new Children(this, args.cluster(), null);
        Output<List<Resource>> deps = Dependencies.of(options);
        List<KubernetesObject> peers = children.objects(remotePeers(plan), deps, args.gatewayAddresses());
        List<MeshObject> federation = plan.objects(Stage.FEDERATION);
        children.objects(federation, Dependencies.plus(deps, peers), args.gatewayAddresses());
        this.objectCount = Output.of(peers.size() + federation.size());
        this.remoteClusters = Output.of(List.copyOf(remoteGateways(plan)));
        registerOutputs(Map.of("objectCount", objectCount, "remoteClusters", remoteClusters));
    }

    /** Gateway-stage objects that embed a remote cluster's address (ambient remote peer gateways). */
    static List<MeshObject> remotePeers(ClusterPlan plan) {
        return plan.objects(Stage.GATEWAYS).stream().filter(o -> !o.needsGatewayOf().isEmpty()).toList();
    }

    /** The clusters whose gateway address this cluster's federation embeds, sorted. */
    public static Set<String> remoteGateways(ClusterPlan plan) {
        Set<String> clusters = new TreeSet<>();
        Stream.concat(remotePeers(plan).stream(), plan.objects(Stage.FEDERATION).stream())
                .forEach(o -> clusters.addAll(o.needsGatewayOf()));
        return clusters;
    }
}
