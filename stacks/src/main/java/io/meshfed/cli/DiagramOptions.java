package io.meshfed.cli;

import io.meshfed.topology.Detail;
import io.meshfed.topology.Diagram;
import io.meshfed.topology.DotWriter;
import io.meshfed.topology.Graphviz;
import io.meshfed.topology.MermaidWriter;
import io.meshfed.topology.MeshTopology;
import io.meshfed.topology.TopologyDiagram;
import io.meshfed.translate.MeshPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code plan --format mermaid|dot|svg [--detail] [--out]}: the plan's topology as a diagram instead of the object list. */
final class DiagramOptions {

    enum Format { text, mermaid, dot, svg }

    enum DetailChoice { auto, full, regions }

    @Option(names = "--format", defaultValue = "text",
            description = "text (the ordered objects), mermaid or dot (the topology diagram), svg (dot laid out by Graphviz). "
                    + "Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--detail", defaultValue = "auto",
            description = "full (every cluster edge), regions (edges between regions, merged with counts) or auto (regions above "
                    + Detail.MAX_FULL_CLUSTERS + " clusters). Default: ${DEFAULT-VALUE}.")
    DetailChoice detail;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the diagram to this file instead of standard output.")
    Path out;

    boolean wantsDiagram() {
        return format != Format.text;
    }

    void write(MeshPlan plan, PrintWriter stdout) {
        MeshTopology topology = MeshTopology.of(plan);
        Detail chosen = switch (detail) {
            case auto -> Detail.auto(topology.clusters().size());
            case full -> Detail.FULL;
            case regions -> Detail.REGIONS;
        };
        Diagram diagram = TopologyDiagram.of(topology, chosen);
        String text = switch (format) {
            case mermaid -> MermaidWriter.write(diagram);
            case dot -> DotWriter.write(diagram);
            case svg -> Graphviz.find().orElseThrow(() -> new UserError("--format svg: " + Graphviz.unavailableReason()
                    .replace(", so the diagram is shown as DOT source", "; use --format dot"))).svg(DotWriter.write(diagram));
            case text -> throw new IllegalStateException("text is not a diagram");
        };
        if (out == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        }
    }
}
