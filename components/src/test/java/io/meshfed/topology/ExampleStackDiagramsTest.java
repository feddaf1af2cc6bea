package io.meshfed.topology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.EastWestGatewaySpec;
import io.meshfed.spec.ExportSpec;
import io.meshfed.spec.FederationGraph;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.RouteSpec;
import io.meshfed.spec.SplitSpec;
import io.meshfed.spec.TrafficPolicySpec;
import io.meshfed.translate.Examples;
import io.meshfed.translate.MeshPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagram of every example stack, written as DOT and read back by Graphviz, and written as
 * Mermaid and read back strictly, shows every cluster with its gateway's address, every exported
 * service and every split weight as an edge from the source cluster to where the share goes.
 * The expectations come from the spec, not from the topology the diagram was drawn from. The
 * diagrams are kept in target/topology/ (DOT, SVG, Mermaid).
 */
class ExampleStackDiagramsTest {

    static java.util.List<String> stacks() {
        return Examples.STACKS;
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void graphvizReadsEveryClusterGatewayServiceAndWeightFromTheDot(String stack) throws Exception {
        Assumptions.assumeTrue(Graphviz.find().isPresent(), "Graphviz's dot is not on the PATH (apt-get install graphviz)");
        MeshPlan plan = Examples.plan(stack);
        String dot = DotWriter.write(TopologyDiagram.of(MeshTopology.of(plan), Detail.FULL));
        keep(stack + ".dot", dot);
        keep(stack + ".svg", Graphviz.find().orElseThrow().svg(dot));
        assertShowsTheMesh(plan.spec(), GraphvizJson.parse(dot));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void theMermaidFlowchartNamesEveryClusterGatewayServiceAndWeight(String stack) {
        MeshPlan plan = Examples.plan(stack);
        String mermaid = MermaidWriter.write(TopologyDiagram.of(MeshTopology.of(plan), Detail.FULL));
        keep(stack + ".mmd", mermaid);
        assertShowsTheMesh(plan.spec(), MermaidFlowchart.parse(mermaid));
    }

    /** Keeps the diagram as a build artefact in target/topology/. */
    private static void keep(String file, String text) {
        try {
            Path out = Files.createDirectories(Path.of("target", "topology")).resolve(file);
            Files.writeString(out, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertShowsTheMesh(MeshSpec spec, ParsedDiagram diagram) {
        for (ClusterSpec cluster : spec.clusters()) {
            String node = diagram.nodeNamed(cluster.name());
            int port = cluster.eastWestGateway().port() != null ? cluster.eastWestGateway().port()
                    : spec.ambient() ? EastWestGatewaySpec.HBONE_PORT : EastWestGatewaySpec.SIDECAR_MTLS_PORT;
            String endpoint = cluster.eastWestGateway().address() + ":" + port;
            assertTrue(diagram.edges().stream().anyMatch(e -> e.from().equals(node) && diagram.label(e.to()).contains(endpoint)),
                    cluster.name() + " is joined to a gateway at " + endpoint + diagram.describeEdges());
        }
        String suffix = spec.federation().effectiveSuffix(spec.ambient());
        for (ExportSpec export : spec.federation().exports()) {
            String host = export.service() + "." + export.namespace() + "." + suffix;
            diagram.nodeNamed(host);
        }
        FederationGraph graph = new FederationGraph(spec);
        for (TrafficPolicySpec policy : spec.traffic()) {
            for (String source : graph.sourceClusters(policy)) {
                for (RouteSpec route : policy.routes()) {
                    for (SplitSpec split : route.split()) {
                        assertSplitEdge(spec, diagram, policy, source, split, route.split().size());
                    }
                }
            }
        }
    }

    private static void assertSplitEdge(MeshSpec spec, ParsedDiagram diagram, TrafficPolicySpec policy, String source, SplitSpec split, int entries) {
        String service = policy.destination().service();
        String host = service + "." + policy.destination().namespace() + "." + spec.federation().effectiveSuffix(spec.ambient());
        boolean exported = spec.federation().exports().stream()
                .anyMatch(e -> e.service().equals(service) && e.namespace().equals(policy.destination().namespace()));
        String to = split.cluster() != null ? diagram.nodeNamed(split.cluster()) : exported ? diagram.nodeNamed(host) : diagram.nodeNamed(source);
        int weight = split.weight() != null ? split.weight() : 100 / entries;
        String share = weight + "% " + (split.subset() == null ? "any version" : split.subset());
        String from = diagram.nodeNamed(source);
        assertTrue(diagram.edges().stream().anyMatch(e -> e.from().equals(from) && e.to().equals(to) && e.label().contains(service + " " + share)),
                "split " + policy.name() + " from " + source + ": " + share + " to " + diagram.label(to).split("\n")[0] + diagram.describeEdges());
    }
}
