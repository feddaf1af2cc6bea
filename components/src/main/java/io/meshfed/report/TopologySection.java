package io.meshfed.report;

import io.meshfed.topology.Detail;
import io.meshfed.topology.DotWriter;
import io.meshfed.topology.Graphviz;
import io.meshfed.topology.MeshTopology;
import io.meshfed.topology.TopologyDiagram;
import java.util.Optional;

/** The topology picture: laid out by Graphviz and inlined as SVG, or the DOT source with a note when Graphviz is absent. */
final class TopologySection {

    private TopologySection() {
    }

    static void write(MeshTopology topology, Optional<Graphviz> graphviz, StringBuilder out) {
        Detail detail = Detail.auto(topology.clusters().size());
        String dot = DotWriter.write(TopologyDiagram.of(topology, detail));
        out.append("<section id=\"topology\"><h2>Topology</h2>\n");
        if (graphviz.isPresent()) {
            out.append("<div class=\"diagram\">").append(graphviz.get().svg(dot)).append("</div>\n");
        } else {
            out.append("<p class=\"note\" id=\"no-graphviz\">").append(Html.escape(Graphviz.unavailableReason())).append(".</p>\n");
        }
        out.append("<details").append(graphviz.isPresent() ? "" : " open").append("><summary>DOT source (")
                .append(detail == Detail.FULL ? "every cluster" : "by region").append(")</summary><pre>")
                .append(Html.escape(dot)).append("</pre></details>\n</section>\n");
    }
}
