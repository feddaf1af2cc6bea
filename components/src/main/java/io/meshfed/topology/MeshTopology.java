package io.meshfed.topology;

import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.EastWestGatewaySpec;
import io.meshfed.spec.ExportSpec;
import io.meshfed.spec.FederationGraph;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.RouteSpec;
import io.meshfed.spec.SplitSpec;
import io.meshfed.spec.TrafficPolicySpec;
import io.meshfed.translate.MeshPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reviewer looks at in a mesh change, computed from a plan: the clusters with their
 * networks, regions and east-west gateways, the roots and intermediates actually rendered, the
 * exported services with backing and consuming clusters, traffic splits, failover order and the
 * allowed edges of the access policies.
 */
public record MeshTopology(String mesh, boolean ambient, List<ClusterNode> clusters, List<CaCertificate> roots,
        List<ExportedService> exports, List<WeightedSplit> splits, List<FailoverStep> failovers, List<AllowedEdge> allowed,
        boolean defaultDeny) {

    public MeshTopology {
        clusters = List.copyOf(clusters);
        roots = List.copyOf(roots);
        exports = List.copyOf(exports);
        splits = List.copyOf(splits);
        failovers = List.copyOf(failovers);
        allowed = List.copyOf(allowed);
    }

    public static MeshTopology of(MeshPlan plan) {
        MeshSpec spec = plan.spec();
        FederationGraph graph = new FederationGraph(spec);
        PlanCertificates certificates = PlanCertificates.of(plan);
        List<ClusterNode> clusters = spec.clusters().stream().map(c -> node(c, spec.ambient(), certificates)).toList();
        return new MeshTopology(spec.name(), spec.ambient(), clusters, certificates.roots(), exports(spec, graph),
                splits(spec, graph), FailoverOrders.of(spec, graph), AllowedEdges.of(spec), spec.access().globalDefaultDeny());
    }

    public ClusterNode cluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster " + name));
    }

    private static ClusterNode node(ClusterSpec cluster, boolean ambient, PlanCertificates certificates) {
        EastWestGatewaySpec gateway = cluster.eastWestGateway();
        int port = gateway.port() != null ? gateway.port() : ambient ? EastWestGatewaySpec.HBONE_PORT : EastWestGatewaySpec.SIDECAR_MTLS_PORT;
        return new ClusterNode(cluster.name(), cluster.locality().region(), cluster.locality().zone(), cluster.effectiveNetwork(),
                gateway.hasAddress() ? gateway.address() : null, port, certificates.cluster(cluster.name()).intermediate());
    }

    private static List<ExportedService> exports(MeshSpec spec, FederationGraph graph) {
        String suffix = spec.federation().effectiveSuffix(spec.ambient());
        List<ExportedService> exports = new ArrayList<>();
        for (ExportSpec export : spec.federation().exports()) {
            List<String> backing = graph.exportedFrom(export.service(), export.namespace());
            List<String> consumers = graph.importers(export.service(), export.namespace()).stream()
                    .filter(c -> !backing.contains(c)).toList();
            exports.add(new ExportedService(export.service(), export.namespace(),
                    export.service() + "." + export.namespace() + "." + suffix, backing, consumers));
        }
        return exports;
    }

    private static List<WeightedSplit> splits(MeshSpec spec, FederationGraph graph) {
        List<WeightedSplit> splits = new ArrayList<>();
        for (TrafficPolicySpec policy : spec.traffic()) {
            for (String source : graph.sourceClusters(policy)) {
                for (RouteSpec route : policy.routes()) {
                    for (SplitSpec split : route.split()) {
                        splits.add(new WeightedSplit(policy.name(), policy.destination().service(), policy.destination().namespace(),
                                route.name(), source, split.cluster(), split.subset(),
                                split.weight() == null ? 100 / route.split().size() : split.weight()));
                    }
                }
            }
        }
        return splits;
    }
}
