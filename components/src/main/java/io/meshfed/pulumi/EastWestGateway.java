package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import io.meshfed.pulumi.internal.Children;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.GatewayAddresses;
import io.meshfed.pulumi.internal.InvalidInputs;
import io.meshfed.pulumi.internal.Known;
import io.meshfed.pulumi.internal.Live;
import io.meshfed.pulumi.internal.MeshViews;
import io.meshfed.pulumi.internal.Ownership;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.pulumi.internal.StructuralTrust;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.GatewayAddressPlaceholder;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.Stage;
import java.util.List;
import java.util.Map;

/**
 * The cluster's own east-west gateway: its namespace, the gateway chart, then the Gateway objects and
 * waypoints. Gateway objects that embed another cluster's address (ambient peers) belong to
 * {@link MeshFederation}, which waits for that cluster's gateway.
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

    /** This gateway as an input of {@link MeshFederation}. */
    @Export(name = "reference", refs = {GatewayReference.class})
    public final Output<GatewayReference> reference;

    private final GatewayReference live;

    public EastWestGateway(String name, EastWestGatewayArgs args, ComponentResourceOptions options) {
        super(TYPE, name, validated(name, args, options));
        Known.Value<InstallationReference> installation = Known.require(args.installation(), "installation");
        this.live = reference(args, installation.value());
        Live.register(live, this);
        MeshSpec view = MeshViews.gateway(live);
        String clusterName = installation.value().cluster().name();
        ClusterSpec cluster = view.requireCluster(clusterName);
        ClusterPlan plan = Plans.translate(view, StructuralTrust.INSTANCE).cluster(clusterName);
        ProviderResource provider = Live.provider(installation.value().cluster(), "installation.cluster");
        Children children = new Children(this, clusterName, provider);
        List<? extends Resource> namespaces = children.objects(Ownership.gatewayNamespaces(plan, view), Output.of(List.of()));
        Output<List<Resource>> deps = Dependencies.plus(Dependencies.plus(Dependencies.of(options), installation.resources()), namespaces);
        List<Release> releases = children.releases(plan.releases(Stage.GATEWAYS), deps);
        List<MeshObject> own = Ownership.gateway(plan);
        children.objects(own, Dependencies.plus(deps, releases));
        this.address = address(args, cluster, plan, provider, releases);
        this.objectCount = Output.of(own.size() + releases.size());
        this.reference = Output.of(live);
        registerOutputs(Map.of("address", address, "objectCount", objectCount, "reference", reference));
    }

    GatewayReference live() {
        return live;
    }

    private Output<String> address(EastWestGatewayArgs args, ClusterSpec cluster, ClusterPlan plan, ProviderResource provider,
                                   List<Release> releases) {
        if (args.address() != null) {
            return args.address();
        }
        if (releases.isEmpty()) {
            return Output.of(GatewayAddressPlaceholder.of(cluster.name()));
        }
        HelmRelease chart = plan.releases(Stage.GATEWAYS).get(0);
        return GatewayAddresses.ofService(this, provider, cluster.name(), chart.namespace(), chart.name(), releases.get(0));
    }

    /** The gateway's settings; its address only when known now (ambient peers need it at translation). */
    private static GatewayReference reference(EastWestGatewayArgs args, InstallationReference installation) {
        return GatewayReference.builder().installation(installation).namespace(args.namespace()).port(args.port())
                .serviceType(args.serviceType()).address(Known.ifKnown(args.address()).orElse(null)).build();
    }

    private static ComponentResourceOptions validated(String name, EastWestGatewayArgs args, ComponentResourceOptions options) {
        Known.Value<InstallationReference> installation = Known.require(args.installation(), "installation");
        MeshSpec view = MeshViews.gateway(reference(args, installation.value()));
        int index = view.clusters().indexOf(view.requireCluster(installation.value().cluster().name()));
        new InvalidInputs(TYPE, name).map("clusters[" + index + "].eastWestGateway", "").requireValid(view);
        return Dependencies.after(options, installation.resources());
    }
}
