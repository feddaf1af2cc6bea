package io.meshfed.topology;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes a {@link Diagram} as a Mermaid flowchart: boxes are subgraphs (an edge may end at one),
 * ids are short generated names, labels are quoted with Mermaid's entity codes.
 */
public final class MermaidWriter {

    private static final Map<NodeShape, String[]> SHAPE = Map.of(
            NodeShape.CLUSTER, new String[] {"(", ")"},
            NodeShape.GATEWAY, new String[] {"{{", "}}"},
            NodeShape.SERVICE, new String[] {"[[", "]]"},
            NodeShape.CA, new String[] {"[/", "/]"},
            NodeShape.PEER, new String[] {"([", "])"},
            NodeShape.SELECTOR, new String[] {"([", "])"});

    private static final Map<EdgeKind, String> ARROW = Map.of(
            EdgeKind.GATEWAY, "---",
            EdgeKind.SIGNS, "-.->",
            EdgeKind.EXPORTS, "-->",
            EdgeKind.CONSUMES, "-.->",
            EdgeKind.SPLIT, "==>",
            EdgeKind.FAILOVER, "-.->",
            EdgeKind.ALLOWS, "-->");

    private final Diagram diagram;
    private final Map<String, String> ids = new HashMap<>();
    private final StringBuilder out = new StringBuilder();

    private MermaidWriter(Diagram diagram) {
        this.diagram = diagram;
    }

    public static String write(Diagram diagram) {
        return new MermaidWriter(diagram).write();
    }

    private String write() {
        out.append("---\ntitle: ").append(diagram.title()).append("\n---\n");
        out.append("flowchart ").append(diagram.leftToRight() ? "LR" : "TB").append('\n');
        for (String note : diagram.notes()) {
            out.append("  %% ").append(note).append('\n');
        }
        diagram.groups().forEach(g -> group(g, "  "));
        diagram.looseNodes().forEach(n -> node(n, "  "));
        for (DiagramEdge e : diagram.edges()) {
            out.append("  ").append(id(e.from())).append(' ').append(ARROW.get(e.kind()));
            if (!e.drawnLabel().isEmpty()) {
                out.append('|').append(quote(e.drawnLabel())).append('|');
            }
            out.append(' ').append(id(e.to())).append('\n');
        }
        return out.toString();
    }

    private void group(DiagramGroup group, String indent) {
        out.append(indent).append("subgraph ").append(id(group.id())).append('[').append(quote(group.label())).append("]\n");
        group.groups().forEach(g -> group(g, indent + "  "));
        group.nodes().forEach(id -> node(diagram.node(id), indent + "  "));
        out.append(indent).append("end\n");
    }

    private void node(DiagramNode node, String indent) {
        String[] shape = SHAPE.get(node.shape());
        out.append(indent).append(id(node.id())).append(shape[0]).append(quote(String.join("\n", node.lines()))).append(shape[1]).append('\n');
    }

    private String id(String diagramId) {
        return ids.computeIfAbsent(diagramId, k -> "n" + ids.size());
    }

    /** A Mermaid quoted label: quotes and markup characters as entity codes, lines joined by {@code <br/>}. */
    static String quote(String text) {
        String escaped = text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace("|", "#124;");
        return "\"" + escaped.replace("\n", "<br/>") + "\"";
    }
}
