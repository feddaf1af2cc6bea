package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.meshfed.pulumi.internal.Children;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.InvalidInputs;
import io.meshfed.pulumi.internal.Known;
import io.meshfed.pulumi.internal.Live;
import io.meshfed.pulumi.internal.MeshViews;
import io.meshfed.pulumi.internal.Ownership;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.pulumi.internal.StructuralTrust;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The federation of the mesh's clusters: in each cluster the application namespaces, the global
 * hosts (ServiceEntries, WorkloadEntries at the other clusters' gateways, DestinationRules) and the
 * ambient peer gateways. Objects of a cluster wait for its own gateway and for every gateway whose
 * address they embed. Pass it to the policy components.
 */
public final class MeshFederation extends ComponentResource {

    public static final String TYPE = "meshfed:index:MeshFederation";

    @Export(name = "objectCount", refs = {Integer.class})
    public final Output<Integer> objectCount;

    /** Cluster → the clusters whose gateway address its objects embed. */
    @Export(name = "remoteClusters", refs = {Map.class, String.class, List.class, String.class}, tree = "[0,1,[2,3]]")
    public final Output<Map<String, List<String>>> remoteClusters;

    /** The federation as an input of the policy components, also in other languages and stacks. */
    @Export(name = "reference", refs = {FederationReference.class})
    public final Output<FederationReference> reference;

    private final FederationReference live;

    public MeshFederation(String name, MeshFederationArgs args, ComponentResourceOptions options) {
        super(TYPE, name, validated(name, args, options));
        Known.Value<List<GatewayReference>> gateways = Known.require(args.gateways(), "gateways");
        this.live = reference(args, gateways.value());
        Live.register(live, this);
        MeshPlan plan = Plans.translate(MeshViews.federation(live), StructuralTrust.INSTANCE);
        Output<Map<String, String>> addresses = args.gatewayAddresses() == null ? Output.of(Map.of()) : args.gatewayAddresses();
        Map<String, List<String>> remotes = new TreeMap<>();
        int count = 0;
        for (int i = 0; i < gateways.value().size(); i++) {
            GatewayReference gateway = gateways.value().get(i);
            ClusterPlan cluster = plan.cluster(gateway.installation().cluster().name());
            Children children = new Children(this, cluster.cluster(), Live.provider(gateway.installation().cluster(), "gateways[" + i + "]"));
            List<MeshObject> namespaces = Ownership.federationNamespaces(cluster, plan.spec());
            List<? extends Resource> registered = children.objects(namespaces, Output.of(List.of()));
            Set<String> remote = remoteGateways(cluster);
            List<Resource> upstream = new ArrayList<>(registered);
            upstream.addAll(gatewayResources(gateway, gateways));
            remote.forEach(r -> upstream.addAll(gatewayResources(byCluster(gateways.value(), r), gateways)));
            Output<List<Resource>> deps = Dependencies.plus(Dependencies.of(options), upstream);
            List<MeshObject> peers = Ownership.peers(cluster);
            List<? extends Resource> peerResources = children.objects(peers, deps, addresses);
            List<MeshObject> federation = Ownership.federation(cluster);
            children.objects(federation, Dependencies.plus(deps, peerResources), addresses);
            remotes.put(cluster.cluster(), List.copyOf(remote));
            count += namespaces.size() + peers.size() + federation.size();
        }
        this.objectCount = Output.of(count);
        this.remoteClusters = Output.of(remotes);
        this.reference = Output.of(live);
        registerOutputs(Map.of("objectCount", objectCount, "remoteClusters", remoteClusters, "reference", reference));
    }

    FederationReference live() {
        return live;
    }

    /** The clusters whose gateway address this cluster's federation embeds, sorted. */
    public static Set<String> remoteGateways(ClusterPlan plan) {
        Set<String> clusters = new TreeSet<>();
        Stream.concat(Ownership.peers(plan).stream(), plan.objects(Stage.FEDERATION).stream())
                .forEach(o -> clusters.addAll(o.needsGatewayOf()));
        return clusters;
    }

    /** The gateway component when it lives in this program, else everything the gateways input depends on. */
    private static List<Resource> gatewayResources(GatewayReference gateway, Known.Value<List<GatewayReference>> gateways) {
        return Live.component(gateway).map(List::of).orElse(gateways.resources());
    }

    private static GatewayReference byCluster(List<GatewayReference> gateways, String cluster) {
        return gateways.stream().filter(g -> g.installation().cluster().name().equals(cluster)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no gateway of cluster " + cluster));
    }

    private static FederationReference reference(MeshFederationArgs args, List<GatewayReference> gateways) {
        return FederationReference.builder().gateways(gateways).services(args.services()).exports(args.exports())
                .traffic(args.traffic()).access(args.access()).failover(args.failover()).build();
    }

    private static ComponentResourceOptions validated(String name, MeshFederationArgs args, ComponentResourceOptions options) {
        Known.Value<List<GatewayReference>> gateways = Known.require(args.gateways(), "gateways");
        InvalidInputs problems = new InvalidInputs(TYPE, name);
        FederationReference reference = reference(args, gateways.value());
        MeshViews.requireConsistent(reference, problems);
        MeshSpec view = MeshViews.federation(reference);
        for (int i = 0; i < view.clusters().size(); i++) {
            String cluster = view.clusters().get(i).name();
            int gateway = gateways.value().indexOf(byCluster(gateways.value(), cluster));
            problems.map("clusters[" + i + "].eastWestGateway", "gateways[" + gateway + "]")
                    .map("clusters[" + i + "]", "gateways[" + gateway + "].installation.cluster");
        }
        problems.map("services", "services").map("federation.exports", "exports")
                .map("federation.hostSuffix", "gateways[0].installation.settings.globalHostSuffix")
                .map("istio", "gateways[0].installation.settings")
                .map("traffic", "traffic").map("access", "access").map("failover", "failover")
                .requireValid(view);
        return Dependencies.after(options, gateways.resources());
    }
}
