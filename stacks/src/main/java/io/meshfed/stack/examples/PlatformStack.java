package io.meshfed.stack.examples;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import io.meshfed.pulumi.AccessPolicy;
import io.meshfed.pulumi.AccessPolicyArgs;
import io.meshfed.pulumi.EastWestGateway;
import io.meshfed.pulumi.EastWestGatewayArgs;
import io.meshfed.pulumi.FailoverPolicy;
import io.meshfed.pulumi.FailoverPolicyArgs;
import io.meshfed.pulumi.IstioInstallation;
import io.meshfed.pulumi.IstioInstallationArgs;
import io.meshfed.pulumi.MeshCluster;
import io.meshfed.pulumi.MeshClusterArgs;
import io.meshfed.pulumi.MeshFederation;
import io.meshfed.pulumi.MeshFederationArgs;
import io.meshfed.pulumi.SharedRootTrust;
import io.meshfed.pulumi.SharedRootTrustArgs;
import io.meshfed.pulumi.TrafficPolicy;
import io.meshfed.pulumi.TrafficPolicyArgs;
import io.meshfed.pulumi.inputs.AccessRuleArgs;
import io.meshfed.pulumi.inputs.DestinationSelectorArgs;
import io.meshfed.pulumi.inputs.ExportArgs;
import io.meshfed.pulumi.inputs.FailoverArgs;
import io.meshfed.pulumi.inputs.IstioSettingsArgs;
import io.meshfed.pulumi.inputs.LocalityArgs;
import io.meshfed.pulumi.inputs.OutlierDetectionArgs;
import io.meshfed.pulumi.inputs.PortArgs;
import io.meshfed.pulumi.inputs.RouteArgs;
import io.meshfed.pulumi.inputs.ServiceAccountArgs;
import io.meshfed.pulumi.inputs.ServiceArgs;
import io.meshfed.pulumi.inputs.ServiceRefArgs;
import io.meshfed.pulumi.inputs.SourceArgs;
import io.meshfed.pulumi.inputs.SplitArgs;
import java.util.List;

/**
 * A platform team's stack built from the typed components (example project {@code stacks/examples/platform}).
 * The clusters are created elsewhere — by the stack named in {@code meshfed:clustersStack}, with
 * pulumi-eks, kind or k3s — and their kubeconfigs arrive as that stack's outputs, straight into
 * {@link MeshCluster}. West's east-west address is an output there too; east's is read from its
 * load balancer. A team adds routes for its service with one {@link TrafficPolicy} (here, and in its
 * own stack through the exported {@code federation} reference).
 */
public final class PlatformStack {

    public static final String MESH = "platform";

    private PlatformStack() {
    }

    public static void main(String[] args) {
        Pulumi.run(PlatformStack::program);
    }

    public static void program(Context ctx) {
        var config = ctx.config("meshfed");
        var clusters = new StackReference("clusters", StackReferenceArgs.builder().name(config.require("clustersStack")).build());

        MeshCluster east = new MeshCluster("east", MeshClusterArgs.builder().mesh(MESH).name("east")
                .kubeconfig(text(clusters.requireOutput("eastKubeconfig")))
                .locality(LocalityArgs.builder().region("eu-west-1").build()).build(), null);
        MeshCluster west = new MeshCluster("west", MeshClusterArgs.builder().mesh(MESH).name("west")
                .kubeconfig(text(clusters.requireOutput("westKubeconfig")))
                .locality(LocalityArgs.builder().region("eu-central-1").build()).build(), null);

        SharedRootTrust trust = new SharedRootTrust("platform-trust", SharedRootTrustArgs.builder()
                .clusters(east, west).seed(config.requireSecret("trustSeed")).build(), null);

        IstioSettingsArgs istio = IstioSettingsArgs.builder().version("1.30.3").build();
        IstioInstallation eastIstio = new IstioInstallation("east-istio", IstioInstallationArgs.builder()
                .cluster(east).trust(trust).settings(istio).values("pilot:\n  resources:\n    requests:\n      cpu: 200m\n").build(), null);
        IstioInstallation westIstio = new IstioInstallation("west-istio", IstioInstallationArgs.builder()
                .cluster(west).trust(trust).settings(istio).build(), null);

        EastWestGateway eastGateway = new EastWestGateway("east-eastwest",
                EastWestGatewayArgs.builder().installation(eastIstio).build(), null);
        EastWestGateway westGateway = new EastWestGateway("west-eastwest", EastWestGatewayArgs.builder()
                .installation(westIstio).address(text(clusters.requireOutput("westGatewayAddress"))).build(), null);

        FailoverArgs reviewsFailover = FailoverArgs.builder().name("reviews-failover").service(service("reviews", "bookinfo"))
                .outlierDetection(OutlierDetectionArgs.builder().consecutive5xxErrors(3).interval("5s").baseEjectionTime("30s")
                        .maxEjectionPercent(100).build()).build();
        MeshFederation federation = new MeshFederation(MESH, MeshFederationArgs.builder()
                .gateways(eastGateway, westGateway)
                .services(
                        app("productpage", "east", "v1"),
                        app("reviews", "east", "v1", "v2"),
                        app("reviews", "west", "v3"),
                        app("ratings", "west", "v1", "v2"))
                .exports(
                        ExportArgs.builder().service("reviews").namespace("bookinfo").build(),
                        ExportArgs.builder().service("ratings").namespace("bookinfo").build())
                .failover(reviewsFailover)
                .build(), null);

        new AccessPolicy("platform-access", AccessPolicyArgs.builder().federation(federation).globalDefaultDeny(true)
                .rules(AccessRuleArgs.builder().name("bookinfo-internal")
                        .from(SourceArgs.builder().serviceAccounts(
                                ServiceAccountArgs.builder().namespace("bookinfo").name("productpage").build(),
                                ServiceAccountArgs.builder().namespace("bookinfo").name("reviews").build()).build())
                        .to(DestinationSelectorArgs.builder().namespaces(List.of("bookinfo")).build())
                        .build())
                .build(), null);
        new FailoverPolicy("reviews-failover", FailoverPolicyArgs.builder().federation(federation)
                .service(reviewsFailover.service()).outlierDetection(reviewsFailover.outlierDetection()).build(), null);
        new TrafficPolicy("ratings-canary", TrafficPolicyArgs.builder().federation(federation)
                .destination(service("ratings", "bookinfo"))
                .routes(RouteArgs.builder().name("canary").timeout("2s").split(
                        SplitArgs.builder().subset("v1").weight(90).build(),
                        SplitArgs.builder().subset("v2").weight(10).build()).build())
                .build(), null);

        ctx.export("federation", federation.reference);
        ctx.export("rootFingerprintSha256", trust.rootFingerprintSha256);
        ctx.export("eastGatewayAddress", eastGateway.address);
        ctx.export("eastIdentity", east.identity);
    }

    private static ServiceRefArgs service(String name, String namespace) {
        return ServiceRefArgs.builder().service(name).namespace(namespace).build();
    }

    private static ServiceArgs app(String name, String cluster, String... versions) {
        return ServiceArgs.builder().name(name).namespace("bookinfo").cluster(cluster).serviceAccount(name)
                .ports(PortArgs.builder().number(9080).build()).versions(versions).build();
    }

    private static Output<String> text(Output<?> stackOutput) {
        return stackOutput.applyValue(String::valueOf);
    }
}
