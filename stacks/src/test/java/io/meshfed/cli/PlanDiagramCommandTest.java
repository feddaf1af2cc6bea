package io.meshfed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.topology.Graphviz;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshfed plan --format mermaid|dot|svg [--detail] [--out]}. */
class PlanDiagramCommandTest {

    @TempDir
    Path tmp;

    private String run(int exit, String... args) throws Exception {
        Path seed = Files.writeString(tmp.resolve("seed"), VerifyHtmlCommandTest.SEED);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--trust-seed-file";
        all[args.length + 1] = seed.toString();
        return CliRun.capture(exit, () -> MeshfedMain.run(all));
    }

    @Test
    void mermaidGoesToStandardOutput() throws Exception {
        String output = run(0, "plan", "-s", "smh-workshop", "--format", "mermaid");
        assertTrue(output.startsWith("---\ntitle: mesh smh-workshop (sidecar)\n---\nflowchart TB\n"), output);
        assertTrue(output.contains("==>|\"reviews 75% v3\"|"), output);
    }

    @Test
    void dotGoesToTheOutFile() throws Exception {
        Path out = tmp.resolve("mesh.dot");
        String output = run(0, "plan", "-s", "local", "--format", "dot", "--out", out.toString());
        assertEquals("", output.strip());
        String dot = Files.readString(out);
        assertTrue(dot.startsWith("digraph \"mesh local (sidecar)\""), dot);
        assertTrue(dot.contains("172.18.128.1:15443"), dot);
    }

    @Test
    void detailRegionsMergesEdgesBetweenRegions() throws Exception {
        String output = run(0, "plan", "-s", "smh-workshop", "--format", "dot", "--detail", "regions");
        assertTrue(output.contains("lhead=\"cluster_region:us-west-1\""), output);
        assertTrue(output.contains("label=\"signs ×2\""), "kind1 and kind2 share region us-east-1: " + output);
    }

    @Test
    void svgIsLaidOutByGraphviz() throws Exception {
        Assumptions.assumeTrue(Graphviz.find().isPresent(), "Graphviz's dot is not on the PATH (apt-get install graphviz)");
        String output = run(0, "plan", "-s", "local", "--format", "svg");
        assertTrue(output.startsWith("<svg"), output);
    }

    @Test
    void withoutAFormatThePlanIsTheObjectList() throws Exception {
        String output = run(0, "plan", "-s", "local");
        assertTrue(output.contains("cluster east"), output);
    }
}
