package io.meshfed.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A topology diagram independent of its notation: nodes, boxes around them and edges (an edge may
 * end at a box). {@link DotWriter} and {@link MermaidWriter} write it out, top to bottom unless
 * {@code leftToRight} (which stacks the nodes of a box vertically: the shape for many clusters).
 */
public record Diagram(String title, List<String> notes, boolean leftToRight, List<DiagramGroup> groups, List<DiagramNode> nodes, List<DiagramEdge> edges) {

    public Diagram {
        notes = List.copyOf(notes);
        groups = List.copyOf(groups);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public Optional<DiagramGroup> group(String id) {
        List<DiagramGroup> pending = new ArrayList<>(groups);
        while (!pending.isEmpty()) {
            DiagramGroup g = pending.remove(0);
            if (g.id().equals(id)) {
                return Optional.of(g);
            }
            pending.addAll(g.groups());
        }
        return Optional.empty();
    }

    /** Nodes that sit in no box. */
    public List<DiagramNode> looseNodes() {
        List<String> boxed = new ArrayList<>();
        groups.forEach(g -> boxed.addAll(g.allNodes()));
        return nodes.stream().filter(n -> !boxed.contains(n.id())).toList();
    }

    public DiagramNode node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id));
    }
}
