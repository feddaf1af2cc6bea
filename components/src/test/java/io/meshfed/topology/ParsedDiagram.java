package io.meshfed.topology;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A diagram as read back from its text by a parser (Graphviz for DOT, {@link MermaidFlowchart}
 * for Mermaid): node labels by id, box labels by id and edges between ids.
 */
record ParsedDiagram(Map<String, String> nodes, Map<String, String> boxes, List<Edge> edges) {

    record Edge(String from, String to, String label) {
    }

    /** Every node's label, lines joined by newlines. */
    List<String> labels() {
        return List.copyOf(nodes.values());
    }

    /** The id of the node whose first label line is {@code name}. */
    String nodeNamed(String name) {
        List<String> ids = nodes.entrySet().stream().filter(e -> e.getValue().split("\n")[0].equals(name)).map(Map.Entry::getKey).toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected one node named " + name + ", found " + ids.size() + " in " + nodes.values());
        }
        return ids.get(0);
    }

    /** The label of a node or box. */
    String label(String id) {
        return nodes.containsKey(id) ? nodes.get(id) : boxes.getOrDefault(id, id);
    }

    String describeEdges() {
        return edges.stream().map(e -> label(e.from()).split("\n")[0] + " -> " + label(e.to()).split("\n")[0] + " [" + e.label() + "]")
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
