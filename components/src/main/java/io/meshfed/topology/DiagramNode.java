package io.meshfed.topology;

import java.util.List;

/** A node of a topology diagram: a stable id, its label as lines (first line is the name) and what it is. */
public record DiagramNode(String id, List<String> lines, NodeShape shape) {

    public DiagramNode {
        lines = List.copyOf(lines);
    }
}
