package io.meshfed.topology;

import java.util.ArrayList;
import java.util.List;

/** A box around nodes and smaller boxes: a region, a network, the access policies. */
public record DiagramGroup(String id, String label, List<String> nodes, List<DiagramGroup> groups) {

    public DiagramGroup {
        nodes = List.copyOf(nodes);
        groups = List.copyOf(groups);
    }

    /** The node ids in this box and every box inside it. */
    public List<String> allNodes() {
        List<String> all = new ArrayList<>(nodes);
        groups.forEach(g -> all.addAll(g.allNodes()));
        return all;
    }
}
