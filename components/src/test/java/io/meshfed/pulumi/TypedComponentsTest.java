package io.meshfed.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.test.PulumiTest;
import io.meshfed.pulumi.inputs.ExportArgs;
import io.meshfed.pulumi.inputs.FailoverArgs;
import io.meshfed.pulumi.inputs.IstioSettingsArgs;
import io.meshfed.pulumi.inputs.OutlierDetectionArgs;
import io.meshfed.pulumi.inputs.PortArgs;
import io.meshfed.pulumi.inputs.ProvidedRootArgs;
import io.meshfed.pulumi.inputs.RouteArgs;
import io.meshfed.pulumi.inputs.ServiceArgs;
import io.meshfed.pulumi.inputs.ServiceRefArgs;
import io.meshfed.pulumi.inputs.SplitArgs;
import io.meshfed.pulumi.inputs.TrafficArgs;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The typed components composed by hand: bad inputs fail with the component's own field paths before
 * any child is registered; a policy the federation does not know must not change other components'
 * objects; trust material stays secret; a cluster reference from another process names its provider.
 */
class TypedComponentsTest {

    private static final String SEED = Base64.getEncoder().encodeToString(new byte[32]);

    /** Two clusters, trust, Istio and gateways of mesh "demo"; the federation is left to each test. */
    private record Mesh(MeshCluster east, MeshCluster west, SharedRootTrust trust, EastWestGateway eastGateway,
                        EastWestGateway westGateway) {
    }

    @BeforeEach
    void setUp() {
        TrustSources.use(TestTrust::of);
    }

    @AfterEach
    void tearDown() {
        TrustSources.clear();
        PulumiTest.cleanup();
    }

    private static Mesh mesh(IstioSettingsArgs istio) {
        MeshCluster east = new MeshCluster("east", MeshClusterArgs.builder().mesh("demo").name("east").context("kind-east").build(), null);
        MeshCluster west = new MeshCluster("west", MeshClusterArgs.builder().mesh("demo").name("west").context("kind-west").build(), null);
        SharedRootTrust trust = new SharedRootTrust("trust", SharedRootTrustArgs.builder().clusters(east, west).build(), null);
        EastWestGateway eastGateway = gateway(east, trust, istio, "172.18.64.1");
        EastWestGateway westGateway = gateway(west, trust, istio, "172.18.128.1");
        return new Mesh(east, west, trust, eastGateway, westGateway);
    }

    private static EastWestGateway gateway(MeshCluster cluster, SharedRootTrust trust, IstioSettingsArgs istio, String address) {
        String name = cluster.pulumiResourceName();
        IstioInstallation installation = new IstioInstallation(name + "-istio",
                IstioInstallationArgs.builder().cluster(cluster).trust(trust).settings(istio).build(), null);
        return new EastWestGateway(name + "-eastwest", EastWestGatewayArgs.builder().installation(installation).address(address).build(), null);
    }

    private static MeshFederationArgs.Builder bookinfo(Mesh mesh) {
        return MeshFederationArgs.builder().gateways(mesh.eastGateway(), mesh.westGateway())
                .services(service("reviews", "east", "v1"), service("reviews", "west", "v2"))
                .exports(ExportArgs.builder().service("reviews").namespace("bookinfo").build());
    }

    private static ServiceArgs service(String name, String cluster, String version) {
        return ServiceArgs.builder().name(name).namespace("bookinfo").cluster(cluster).ports(PortArgs.builder().number(9080).build())
                .versions(version).build();
    }

    private static TrafficPolicyArgs.Builder canary(MeshFederation federation, int v1, int v2) {
        TrafficPolicyArgs.Builder builder = TrafficPolicyArgs.builder();
        if (federation != null) {
            builder.federation(federation);
        }
        return builder
                .destination(ServiceRefArgs.builder().service("reviews").namespace("bookinfo").build())
                .routes(RouteArgs.builder().split(SplitArgs.builder().subset("v1").weight(v1).build(),
                        SplitArgs.builder().subset("v2").weight(v2).build()).build());
    }

    private static String failure(Recorder.Run run) {
        assertFalse(run.result().exceptions().isEmpty(), "the program must fail");
        return run.result().exceptions().toString();
    }

    private static Recorder.Run run(Consumer<Context> program) {
        return Recorder.run(program);
    }

    @Test
    void aBadRouteFailsAtTheTrafficPolicysOwnPathAndRegistersNoneOfItsObjects() {
        Recorder.Run run = run(ctx -> {
            Mesh mesh = mesh(null);
            MeshFederation federation = new MeshFederation("demo", bookinfo(mesh).build(), null);
            new TrafficPolicy("reviews-canary", canary(federation, 80, 10).build(), null);
        });
        String failure = failure(run);
        assertTrue(failure.contains("invalid inputs of TrafficPolicy 'reviews-canary' (1 problem):"), failure);
        assertTrue(failure.contains("routes[0].split: weights must sum to 100, they sum to 90"), failure);
        assertTrue(run.calls().stream().noneMatch(c -> c.type().equals("kubernetes:networking.istio.io/v1:VirtualService")));
        assertTrue(run.calls().stream().noneMatch(c -> c.type().equals("meshfed:index:TrafficPolicy")), "not even the component");
    }

    @Test
    void badInputsOfEachComponentAreReportedAtItsInputs() {
        assertTrue(failure(run(ctx -> new MeshCluster("c", MeshClusterArgs.builder().mesh("demo").name("East_1").build(), null)))
                .contains("name: 'East_1' is not a DNS-1123 label"), "MeshCluster name");
        assertTrue(failure(run(ctx -> mesh(IstioSettingsArgs.builder().mode("hybrid").build())))
                .contains("settings.mode: 'hybrid' is not one of sidecar, ambient"), "IstioInstallation settings");
        String federation = failure(run(ctx -> new MeshFederation("demo", bookinfo(mesh(null))
                .services(service("reviews", "north", "v1")).build(), null)));
        assertTrue(federation.contains("services[0].cluster: unknown cluster 'north'"), federation);
        String trust = failure(run(ctx -> {
            MeshCluster east = new MeshCluster("east", MeshClusterArgs.builder().mesh("demo").name("east").build(), null);
            new SharedRootTrust("trust", SharedRootTrustArgs.builder().clusters(east)
                    .providedRoot(ProvidedRootArgs.builder().certificate("pem").privateKey("key").build()).build(), null);
        }));
        assertTrue(trust.contains("providedRoot: needs seed"), trust);
        String values = failure(run(ctx -> {
            Mesh mesh = mesh(null);
            new IstioInstallation("x", IstioInstallationArgs.builder().cluster(mesh.east()).trust(mesh.trust()).values("[1, 2]").build(), null);
        }));
        assertTrue(values.contains("values: must be a YAML or JSON mapping of chart values"), values);
    }

    @Test
    void aPolicyTheFederationDoesNotKnowMustNotChangeOtherComponentsObjects() {
        FailoverArgs failover = FailoverArgs.builder().name("reviews-failover")
                .service(ServiceRefArgs.builder().service("reviews").namespace("bookinfo").build())
                .outlierDetection(OutlierDetectionArgs.builder().consecutive5xxErrors(3).interval("5s").baseEjectionTime("30s").build()).build();
        Recorder.Run run = run(ctx -> {
            MeshFederation federation = new MeshFederation("demo", bookinfo(mesh(null)).failover(failover).build(), null);
            new TrafficPolicy("reviews-canary", canary(federation, 90, 10).build(), null);
        });
        String failure = failure(run);
        assertTrue(failure.contains("invalid inputs of TrafficPolicy 'reviews-canary'"), failure);
        assertTrue(failure.contains("VirtualService/bookinfo/reviews-failover (removed)"), failure);
        assertTrue(failure.contains("add it to the MeshFederation's 'traffic' as well"), failure);

        PulumiTest.cleanup();
        Recorder.Run declared = run(ctx -> {
            Mesh mesh = mesh(null);
            MeshFederation federation = new MeshFederation("demo", bookinfo(mesh).failover(failover)
                    .traffic(List.of(TrafficArgs.builder().name("reviews-canary")
                            .destination(ServiceRefArgs.builder().service("reviews").namespace("bookinfo").build())
                            .routes(RouteArgs.builder().split(SplitArgs.builder().subset("v1").weight(90).build(),
                                    SplitArgs.builder().subset("v2").weight(10).build()).build()).build())).build(), null);
            new TrafficPolicy("reviews-canary", canary(federation, 90, 10).build(), null);
        });
        assertTrue(declared.result().exceptions().isEmpty(), () -> declared.result().exceptions().toString());
        List<String> routes = declared.ofType("kubernetes:networking.istio.io/v1:VirtualService").stream().map(Recorder.Call::name).sorted().toList();
        assertEquals(List.of("east/VirtualService/bookinfo/reviews-canary", "west/VirtualService/bookinfo/reviews-canary"), routes,
                "declared in the federation, the canary replaces the failover routes");
    }

    @Test
    void trustMaterialFromASeedStaysSecretAndTheRootsDoNot() {
        AtomicReference<SharedRootTrust> trust = new AtomicReference<>();
        Recorder.Run run = run(ctx -> {
            MeshCluster east = new MeshCluster("east", MeshClusterArgs.builder().mesh("demo").name("east").build(), null);
            trust.set(new SharedRootTrust("trust", SharedRootTrustArgs.builder().clusters(east).seed(Output.of(SEED)).build(), null));
        });
        assertTrue(run.result().exceptions().isEmpty(), () -> run.result().exceptions().toString());
        assertTrue(Internal.of(trust.get().cacerts).getDataAsync().join().isSecret(), "cacerts output");
        assertTrue(Internal.of(trust.get().cacerts("east")).getDataAsync().join().isSecret(), "one cluster's cacerts");
        assertFalse(Internal.of(trust.get().rootCertificates).getDataAsync().join().isSecret(), "the roots are public");
        String key = String.valueOf(PulumiTest.extractValue(trust.get().cacerts("east")));
        assertTrue(key.contains("BEGIN PRIVATE KEY"), "a real key derived from the seed");
        Recorder.Call secret = run.named("east/Secret/istio-system/cacerts");
        assertTrue(secret.request().getObject().getFieldsMap().get("stringData").getStructValue()
                .getFieldsMap().containsKey("4dabf18193072939515e22adb298388d"), "stringData is a Pulumi secret");
    }

    /**
     * A team stack: the federation arrives as a reference (from a stack reference) naming the platform
     * stack's providers; the team's own MeshCluster of east is reached through the team's provider.
     */
    @Test
    void aPolicyInAnotherStackReachesItsClustersThroughThatStacksProviders() {
        String platformEast = "urn:pulumi:platform::meshfed::pulumi:providers:kubernetes::east::1";
        String platformWest = "urn:pulumi:platform::meshfed::pulumi:providers:kubernetes::west::2";
        Recorder.Run run = run(ctx -> {
            ClusterReference east = ClusterReference.builder().mesh("demo").name("east").network("east-network").trustDomain("east")
                    .kubernetesProvider(platformEast).build();
            ClusterReference west = ClusterReference.builder().mesh("demo").name("west").network("west-network").trustDomain("west")
                    .kubernetesProvider(platformWest).build();
            TrustReference trust = TrustReference.builder().mesh("demo").clusters(List.of(east, west)).build();
            FederationReference federation = FederationReference.builder()
                    .gateways(List.of(gatewayOf(east, trust, "172.18.64.1"), gatewayOf(west, trust, "172.18.128.1")))
                    .services(List.of(service("reviews", "east", "v1"), service("reviews", "west", "v2")))
                    .exports(List.of(ExportArgs.builder().service("reviews").namespace("bookinfo").build())).build();
            // as a stack reference hands the platform's exported reference to Java: JSON-shaped maps
            Object exported = StackOutputs.FIELDS.convertValue(federation, java.util.Map.class);
            MeshCluster teamEast = new MeshCluster("east", MeshClusterArgs.builder().mesh("demo").name("east").context("team-east").build(), null);
            new TrafficPolicy("reviews-canary", canary(null, 90, 10).federation(StackOutputs.federation(Output.of(exported))).clusters(teamEast)
                    .sourceClusters("east").build(), null);
        });
        assertTrue(run.result().exceptions().isEmpty(), () -> run.result().exceptions().toString());
        Recorder.Call route = run.named("east/VirtualService/bookinfo/reviews-canary");
        assertEquals(run.ofType("pulumi:providers:kubernetes").get(0).urn(), route.providerUrn(), "the team's provider of east, not the platform's");
        assertEquals(1, run.ofType("kubernetes:networking.istio.io/v1:VirtualService").size());

        PulumiTest.cleanup();
        String failure = failure(run(ctx -> {
            MeshCluster north = new MeshCluster("north", MeshClusterArgs.builder().mesh("demo").name("north").build(), null);
            Mesh mesh = mesh(null);
            MeshFederation federation = new MeshFederation("demo", bookinfo(mesh).build(), null);
            new TrafficPolicy("reviews-canary", canary(federation, 90, 10).clusters(north).build(), null);
        }));
        assertTrue(failure.contains("clusters[0]: cluster 'north' of mesh 'demo' is not in the federation"), failure);
    }

    private static GatewayReference gatewayOf(ClusterReference cluster, TrustReference trust, String address) {
        return GatewayReference.builder().address(address)
                .installation(InstallationReference.builder().cluster(cluster).trust(trust).build()).build();
    }

    @Test
    void withoutASeedOrAnInstalledTrustSourceTheTrustFailsClearly() {
        TrustSources.clear();
        String failure = failure(run(ctx -> mesh(null)));
        assertTrue(failure.contains("no trust source installed"), failure);
    }

    @Test
    void aClusterReferenceFromAnotherProcessRegistersThroughTheProviderItNames() {
        String provider = "urn:pulumi:test::meshfed::pulumi:providers:kubernetes::east::0b9a";
        Recorder.Run run = run(ctx -> {
            ClusterReference east = ClusterReference.builder().mesh("demo").name("east").network("east-network").trustDomain("east")
                    .kubernetesProvider(provider).build();
            TrustReference trust = TrustReference.builder().mesh("demo").clusters(List.of(east)).build();
            new IstioInstallation("east-istio", IstioInstallationArgs.builder().cluster(Output.of(east)).trust(Output.of(trust))
                    .rootCertificates(Output.of("")).build(), null);
        });
        assertTrue(run.result().exceptions().isEmpty(), () -> run.result().exceptions().toString());
        List<Recorder.Call> releases = run.ofType("kubernetes:helm.sh/v3:Release");
        assertEquals(List.of("east/helm/istio-base", "east/helm/istiod"), releases.stream().map(Recorder.Call::name).sorted().toList());
        releases.forEach(r -> assertEquals(provider, r.request().getProvider(), r.name()));
    }
}
