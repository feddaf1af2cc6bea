package io.meshfed.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Collects edges, merging those with the same ends, kind and label (their sources add up). */
final class EdgeSet {

    private record Key(String from, String to, EdgeKind kind, String label) {
    }

    private final Map<Key, Set<String>> edges = new LinkedHashMap<>();

    void add(String from, String to, EdgeKind kind, String label, String source) {
        edges.computeIfAbsent(new Key(from, to, kind, label), k -> new TreeSet<>()).add(source);
    }

    List<DiagramEdge> edges() {
        List<DiagramEdge> out = new ArrayList<>();
        edges.forEach((k, sources) -> out.add(new DiagramEdge(k.from(), k.to(), k.kind(), k.label(), sources)));
        return out;
    }
}
