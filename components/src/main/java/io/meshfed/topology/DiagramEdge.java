package io.meshfed.topology;

import java.util.Set;
import java.util.TreeSet;

/**
 * An edge between two nodes or groups. Edges with the same ends, kind and label are drawn once;
 * {@code sources} names what they came from (policies, clusters, services), so a merged edge says
 * how many it stands for.
 */
public record DiagramEdge(String from, String to, EdgeKind kind, String label, Set<String> sources) {

    public DiagramEdge {
        sources = new TreeSet<>(sources);
    }

    /** The label as drawn: with {@code ×n} when the edge stands for several. */
    public String drawnLabel() {
        if (sources.size() <= 1) {
            return label;
        }
        return label.isEmpty() ? "×" + sources.size() : label + " ×" + sources.size();
    }
}
