package io.meshfed.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.bench.GeneratedMesh;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.Examples;
import io.meshfed.translate.MeshPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated 20-cluster mesh (2 regions, 200 exported services, each with a canary split, a
 * failover and an access policy) stays legible: drawn by region, it has every cluster and gateway
 * but a few dozen edges instead of thousands, and the counts on merged edges add up.
 */
class GeneratedMeshDiagramTest {

    static final int CLUSTERS = 20;
    static final int SERVICES = 200;
    static MeshSpec spec;
    static MeshTopology topology;

    @BeforeAll
    static void translate() {
        spec = GeneratedMesh.of(CLUSTERS, SERVICES, 10);
        MeshPlan plan = Examples.plan(spec);
        topology = MeshTopology.of(plan);
    }

    @Test
    void aboveEightClustersTheDiagramIsDrawnByRegion() {
        assertEquals(Detail.REGIONS, Detail.auto(CLUSTERS));
        assertEquals(Detail.FULL, Detail.auto(3));
    }

    @Test
    void byRegionEveryClusterAndGatewayIsThereWithFewEdges() {
        Diagram full = TopologyDiagram.of(topology, Detail.FULL);
        Diagram regions = TopologyDiagram.of(topology, Detail.REGIONS);
        ParsedDiagram parsed = MermaidFlowchart.parse(MermaidWriter.write(regions));
        for (ClusterSpec c : spec.clusters()) {
            assertTrue(parsed.label(parsed.nodeNamed(c.name())).contains("gateway " + c.eastWestGateway().address() + ":15443"), c.name());
        }
        assertTrue(full.edges().size() > 4000, "full detail draws " + full.edges().size() + " edges");
        assertTrue(regions.edges().size() <= 40, "by region: " + regions.edges().size() + " edges" + parsed.describeEdges());
        assertTrue(regions.nodes().size() <= 40, "by region: " + regions.nodes().size() + " nodes");
    }

    @Test
    void mergedEdgesCountWhatTheyStandFor() {
        Diagram regions = TopologyDiagram.of(topology, Detail.REGIONS);
        int services = regions.nodes().stream().filter(n -> n.shape() == NodeShape.SERVICE)
                .mapToInt(n -> count(n.lines().get(0), "(\\d+) exported services")).sum();
        assertEquals(SERVICES, services);
        Set<String> canaries = regions.edges().stream().filter(e -> e.kind() == EdgeKind.SPLIT && e.label().equals("90% v1, 10% v2"))
                .flatMap(e -> e.sources().stream()).collect(Collectors.toSet());
        assertEquals(SERVICES, canaries.size(), "every canary policy sends 90% to v1 and 10% to v2");
        int signed = regions.edges().stream().filter(e -> e.kind() == EdgeKind.SIGNS).mapToInt(e -> e.sources().size()).sum();
        assertEquals(CLUSTERS, signed, "one root signs every cluster's intermediate");
        int allowed = regions.edges().stream().filter(e -> e.kind() == EdgeKind.ALLOWS).mapToInt(e -> e.sources().size()).sum();
        assertEquals(SERVICES, allowed, "one access policy per service");
    }

    @Test
    void graphvizLaysTheRegionDiagramOutOnAPage() throws Exception {
        Graphviz dot = Graphviz.find().orElse(null);
        Assumptions.assumeTrue(dot != null, "Graphviz's dot is not on the PATH (apt-get install graphviz)");
        String svg = dot.svg(DotWriter.write(TopologyDiagram.of(topology, Detail.REGIONS)));
        Path out = Path.of("target", "topology", "generated-20-clusters.svg");
        Files.createDirectories(out.getParent());
        Files.writeString(out, svg);
        int width = count(svg, "<svg width=\"(\\d+)pt\"");
        int height = count(svg, "height=\"(\\d+)pt\"");
        assertTrue(width <= 3000 && height <= 3000, "laid out in " + width + " x " + height + " pt, see " + out);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
