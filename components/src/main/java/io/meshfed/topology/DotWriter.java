package io.meshfed.topology;

import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Diagram} in Graphviz's DOT language: boxes are {@code cluster} subgraphs, an edge
 * ending at a box is drawn to the box's border ({@code compound=true}, {@code lhead}/{@code ltail}).
 */
public final class DotWriter {

    private static final Map<NodeShape, String> NODE_STYLE = Map.of(
            NodeShape.CLUSTER, "shape=box, style=\"rounded,filled\", fillcolor=\"#e8f0fe\"",
            NodeShape.GATEWAY, "shape=hexagon, style=filled, fillcolor=\"#fff4d6\"",
            NodeShape.SERVICE, "shape=component, style=filled, fillcolor=\"#e6f4ea\"",
            NodeShape.CA, "shape=note, style=filled, fillcolor=\"#fde7e9\"",
            NodeShape.PEER, "shape=box, style=\"rounded,dashed\"",
            NodeShape.SELECTOR, "shape=box, style=\"rounded,dashed\"");

    private static final Map<EdgeKind, String> EDGE_STYLE = Map.of(
            EdgeKind.GATEWAY, "dir=none, color=\"#888888\"",
            EdgeKind.SIGNS, "style=dotted, color=\"#b3261e\"",
            EdgeKind.EXPORTS, "color=\"#137333\"",
            EdgeKind.CONSUMES, "style=dashed, color=\"#137333\"",
            EdgeKind.SPLIT, "penwidth=2, color=\"#e37400\", fontcolor=\"#e37400\"",
            EdgeKind.FAILOVER, "style=dashed, color=\"#a142f4\", fontcolor=\"#a142f4\"",
            EdgeKind.ALLOWS, "color=\"#1a73e8\", fontcolor=\"#1a73e8\"");

    private DotWriter() {
    }

    public static String write(Diagram diagram) {
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(diagram.title())).append(" {\n");
        out.append("  graph [compound=true, rankdir=").append(diagram.leftToRight() ? "LR" : "TB").append(", newrank=true, nodesep=0.3, ranksep=0.6, fontname=\"Helvetica\", labelloc=t, label=")
                .append(quote(diagram.title() + (diagram.notes().isEmpty() ? "" : "\n" + String.join("\n", diagram.notes()))))
                .append("];\n");
        out.append("  node [fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        diagram.groups().forEach(g -> group(diagram, g, "  ", out));
        diagram.looseNodes().forEach(n -> node(n, "  ", out));
        for (DiagramEdge e : diagram.edges()) {
            out.append("  ").append(quote(end(diagram, e.from()))).append(" -> ").append(quote(end(diagram, e.to())))
                    .append(" [").append(EDGE_STYLE.get(e.kind()));
            if (!e.drawnLabel().isEmpty()) {
                out.append(", label=").append(quote(e.drawnLabel()));
            }
            if (diagram.group(e.from()).isPresent()) {
                out.append(", ltail=").append(quote(subgraph(e.from())));
            }
            if (diagram.group(e.to()).isPresent()) {
                out.append(", lhead=").append(quote(subgraph(e.to())));
            }
            out.append("];\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static void group(Diagram diagram, DiagramGroup group, String indent, StringBuilder out) {
        out.append(indent).append("subgraph ").append(quote(subgraph(group.id()))).append(" {\n");
        out.append(indent).append("  label=").append(quote(group.label())).append("; style=rounded; color=\"#5f6368\";\n");
        group.groups().forEach(g -> group(diagram, g, indent + "  ", out));
        group.nodes().forEach(id -> node(diagram.node(id), indent + "  ", out));
        out.append(indent).append("}\n");
    }

    private static void node(DiagramNode node, String indent, StringBuilder out) {
        out.append(indent).append(quote(node.id())).append(" [label=").append(quote(String.join("\n", node.lines())))
                .append(", ").append(NODE_STYLE.get(node.shape())).append("];\n");
    }

    /** An edge to a box is drawn to one of its nodes and clipped at the box. */
    private static String end(Diagram diagram, String id) {
        return diagram.group(id).map(g -> first(g.allNodes(), id)).orElse(id);
    }

    private static String first(List<String> nodes, String group) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("an edge ends at the empty box " + group);
        }
        return nodes.get(0);
    }

    private static String subgraph(String groupId) {
        return "cluster_" + groupId;
    }

    /** A DOT quoted string; a newline becomes a centred line break. */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
