package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.FormerParents;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.pulumi.internal.TypedInputs;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.FailoverSpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.TrafficPolicySpec;
import io.meshfed.translate.MeshPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole mesh from one spec, built from the typed components: per cluster a {@link MeshCluster},
 * one {@link SharedRootTrust}, per cluster an {@link IstioInstallation} and an {@link EastWestGateway},
 * one {@link MeshFederation} of all gateways, and the policies ({@link AccessPolicy}, a
 * {@link TrafficPolicy} and a {@link FailoverPolicy} per spec entry). The spec is validated as a whole
 * first, with its own field paths, and the federation takes every policy into account.
 */
public final class Mesh extends ComponentResource {

    public static final String TYPE = "meshfed:index:Mesh";

    @Export(name = "meshName", refs = {String.class})
    public final Output<String> meshName;

    @Export(name = "rootFingerprintSha256", refs = {String.class})
    public final Output<String> rootFingerprintSha256;

    @Export(name = "eastWestGatewayAddresses", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> eastWestGatewayAddresses;

    @Export(name = "objectCounts", refs = {Map.class, String.class, Integer.class}, tree = "[0,1,2]")
    public final Output<Map<String, Integer>> objectCounts;

    private final Map<String, MeshCluster> clusters = new LinkedHashMap<>();
    private final Map<String, EastWestGateway> gateways = new LinkedHashMap<>();

    public Mesh(String name, MeshArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        MeshPlan plan = Plans.mesh(args.spec());
        MeshSpec spec = plan.spec();
        for (ClusterSpec cluster : spec.clusters()) {
            clusters.put(cluster.name(), cluster(spec, cluster, options));
        }
        SharedRootTrust trust = new SharedRootTrust(spec.name() + "-trust", SharedRootTrustArgs.builder()
                .clusters(List.copyOf(clusters.values())).settings(TypedInputs.trust(spec.trust())).build(), child());
        for (ClusterSpec cluster : spec.clusters()) {
            gateways.put(cluster.name(), gateway(spec, cluster, installation(spec, cluster, trust)));
        }
        MeshFederation federation = federation(spec);
        policies(spec, federation);
        this.meshName = Output.of(spec.name());
        this.rootFingerprintSha256 = trust.rootFingerprintSha256;
        this.eastWestGatewayAddresses = addresses();
        Map<String, Integer> counts = new TreeMap<>();
        plan.clusters().forEach(c -> counts.put(c.cluster(), c.objects().size() + c.releases().size()));
        this.objectCounts = Output.of(counts);
        registerOutputs(Map.of("meshName", meshName, "rootFingerprintSha256", rootFingerprintSha256,
                "eastWestGatewayAddresses", eastWestGatewayAddresses, "objectCounts", objectCounts));
    }

    public MeshCluster cluster(String name) {
        return clusters.get(name);
    }

    public EastWestGateway gateway(String cluster) {
        return gateways.get(cluster);
    }

    private MeshCluster cluster(MeshSpec spec, ClusterSpec cluster, ComponentResourceOptions options) {
        MeshClusterArgs.Builder args = MeshClusterArgs.builder().mesh(spec.name()).name(cluster.name())
                .network(cluster.network()).trustDomain(cluster.trustDomain()).locality(TypedInputs.locality(cluster.locality()));
        if (cluster.kubeconfig() != null) {
            args.kubeconfig(cluster.kubeconfig());
        }
        if (cluster.context() != null) {
            args.context(cluster.context());
        }
        return new MeshCluster(cluster.name(), args.build(), ComponentResourceOptions.builder().parent(this)
                .dependsOn(Dependencies.of(options)).build());
    }

    private IstioInstallation installation(MeshSpec spec, ClusterSpec cluster, SharedRootTrust trust) {
        IstioInstallationArgs.Builder args = IstioInstallationArgs.builder().cluster(clusters.get(cluster.name())).trust(trust)
                .settings(TypedInputs.istio(spec.istio(), spec.federation().hostSuffix(), cluster.name()));
        if (!spec.istio().values().isEmpty()) {
            args.values(json(spec.istio().values()));
        }
        return new IstioInstallation(cluster.name() + "-istio", args.build(), child());
    }

    private EastWestGateway gateway(MeshSpec spec, ClusterSpec cluster, IstioInstallation installation) {
        var declared = cluster.eastWestGateway();
        EastWestGatewayArgs.Builder args = EastWestGatewayArgs.builder().installation(installation).port(declared.port())
                .serviceType(declared.serviceType()).namespace(declared.namespace());
        if (declared.hasAddress()) {
            args.address(declared.address());
        }
        return new EastWestGateway(cluster.name() + "-eastwest", args.build(), keepingNamespaces());
    }

    private MeshFederation federation(MeshSpec spec) {
        return new MeshFederation(spec.name() + "-federation", MeshFederationArgs.builder()
                .gateways(List.copyOf(gateways.values()))
                .services(spec.services().stream().map(TypedInputs::service).toList())
                .exports(spec.federation().exports().stream().map(TypedInputs::export).toList())
                .traffic(spec.traffic().stream().map(TypedInputs::traffic).toList())
                .access(TypedInputs.access(spec.access()))
                .failover(spec.failover().stream().map(TypedInputs::failover).toList())
                .build(), keepingNamespaces());
    }

    private void policies(MeshSpec spec, MeshFederation federation) {
        var access = spec.access();
        new AccessPolicy(spec.name() + "-access", AccessPolicyArgs.builder().federation(federation).mtls(access.mtls())
                .globalDefaultDeny(access.globalDefaultDeny()).rules(TypedInputs.accessRules(access.policies()))
                .namespaceIsolation(TypedInputs.namespaces(access.namespaceIsolation())).build(), child());
        for (TrafficPolicySpec traffic : spec.traffic()) {
            new TrafficPolicy(traffic.name(), TrafficPolicyArgs.builder().federation(federation).name(traffic.name())
                    .destination(TypedInputs.serviceRef(traffic.destination())).sourceClusters(traffic.sourceClusters())
                    .routes(TypedInputs.routes(traffic.routes())).build(), child());
        }
        for (FailoverSpec failover : spec.failover()) {
            new FailoverPolicy(failover.name(), FailoverPolicyArgs.builder().federation(federation).name(failover.name())
                    .service(TypedInputs.serviceRef(failover.service())).priority(failover.priority())
                    .regions(TypedInputs.regions(failover.regions())).outlierDetection(TypedInputs.outlierDetection(failover.outlierDetection()))
                    .build(), child());
        }
    }

    /** Child options whose namespaces keep the URNs they had under their MeshCluster ({@link FormerParents}). */
    private ComponentResourceOptions keepingNamespaces() {
        return ComponentResourceOptions.builder().parent(this).resourceTransformations(new FormerParents(clusters)).build();
    }

    private ComponentResourceOptions child() {
        return ComponentResourceOptions.builder().parent(this).build();
    }

    /** Cluster → east-west gateway address, declared or resolved. */
    private Output<Map<String, String>> addresses() {
        List<String> names = new ArrayList<>(gateways.keySet());
        return Output.all(gateways.values().stream().map(g -> g.address).toList()).applyValue(addresses -> {
            Map<String, String> map = new TreeMap<>();
            for (int i = 0; i < names.size(); i++) {
                map.put(names.get(i), addresses.get(i));
            }
            return map;
        });
    }

    private static String json(Map<String, Object> values) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
