package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole mesh from one spec: per cluster MeshCluster → SharedRootTrust → IstioInstallation →
 * EastWestGateway, then (once every gateway exists) MeshFederation → Access/Traffic/FailoverPolicy.
 * Each stage component depends on the one before it; federation also on the remote gateways it embeds.
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
        Output<List<Resource>> meshDeps = Dependencies.of(options);
        for (ClusterPlan cluster : plan.clusters()) {
            installCluster(args.spec(), cluster.cluster(), meshDeps);
        }
        for (ClusterPlan cluster : plan.clusters()) {
            federate(args.spec(), cluster);
        }
        this.meshName = Output.of(plan.spec().name());
        this.rootFingerprintSha256 = Output.of(plan.rootFingerprintSha256());
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

    /** Cluster → east-west gateway address, declared or resolved. */
    private Output<Map<String, String>> addresses() {
        List<String> names = List.copyOf(gateways.keySet());
        return Output.all(gateways.values().stream().map(g -> g.address).toList())
                .applyValue(addresses -> zip(names, addresses));
    }

    private void installCluster(String spec, String cluster, Output<List<Resource>> meshDeps) {
        MeshCluster meshCluster = new MeshCluster(cluster, MeshClusterArgs.builder().spec(spec).cluster(cluster).build(),
                ComponentResourceOptions.builder().parent(this).dependsOn(meshDeps).build());
        clusters.put(cluster, meshCluster);
        SharedRootTrust trust = new SharedRootTrust(cluster + "-trust",
                SharedRootTrustArgs.builder().spec(spec).cluster(cluster).build(), inCluster(cluster, List.of(meshCluster)));
        IstioInstallation istio = new IstioInstallation(cluster + "-istio",
                IstioInstallationArgs.builder().spec(spec).cluster(cluster).build(), inCluster(cluster, List.of(trust)));
        gateways.put(cluster, new EastWestGateway(cluster + "-eastwest",
                EastWestGatewayArgs.builder().spec(spec).cluster(cluster).build(), inCluster(cluster, List.of(istio))));
    }

    private void federate(String spec, ClusterPlan plan) {
        String cluster = plan.cluster();
        List<Resource> gatewaysUsed = new ArrayList<>();
        gatewaysUsed.add(gateways.get(cluster));
        MeshFederation.remoteGateways(plan).forEach(remote -> gatewaysUsed.add(gateways.get(remote)));
        MeshFederation federation = new MeshFederation(cluster + "-federation",
                MeshFederationArgs.builder().spec(spec).cluster(cluster).gatewayAddresses(addresses()).build(),
                inCluster(cluster, gatewaysUsed));
        List<Resource> afterFederation = List.of(federation);
        new AccessPolicy(cluster + "-access", AccessPolicyArgs.builder().spec(spec).cluster(cluster).build(),
                inCluster(cluster, afterFederation));
        new TrafficPolicy(cluster + "-traffic", TrafficPolicyArgs.builder().spec(spec).cluster(cluster).build(),
                inCluster(cluster, afterFederation));
        new FailoverPolicy(cluster + "-failover", FailoverPolicyArgs.builder().spec(spec).cluster(cluster).build(),
                inCluster(cluster, afterFederation));
    }

    private ComponentResourceOptions inCluster(String cluster, List<Resource> dependsOn) {
        return ComponentResourceOptions.builder()
                .parent(this)
                .providers(List.of(clusters.get(cluster).provider()))
                .dependsOn(dependsOn)
                .build();
    }

    private static Map<String, String> zip(List<String> keys, List<String> values) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
        return map;
    }
}
