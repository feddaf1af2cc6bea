package io.meshfed.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads DOT back with Graphviz's own parser: {@code dot -Tjson} (the graph after parsing and layout,
 * as JSON). Fails on any syntax error Graphviz reports.
 */
final class GraphvizJson {

    private GraphvizJson() {
    }

    static ParsedDiagram parse(String dotSource) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("dot-json");
        Path in = Files.writeString(dir.resolve("in.dot"), dotSource);
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder("dot", "-Tjson", "-o" + out, in.toString()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("Graphviz rejected the DOT: " + Files.readString(err));
        }
        String warnings = Files.readString(err).strip();
        String json = Files.readString(out, StandardCharsets.UTF_8);
        for (Path f : List.of(in, out, err, dir)) {
            Files.deleteIfExists(f);
        }
        if (!warnings.isEmpty()) {
            throw new AssertionError("Graphviz warned: " + warnings);
        }
        JsonNode graph = new ObjectMapper().readTree(json);
        Map<Integer, String> names = new HashMap<>();
        Map<String, String> nodes = new LinkedHashMap<>();
        Map<String, String> boxes = new LinkedHashMap<>();
        for (JsonNode o : graph.path("objects")) {
            String name = o.path("name").asText();
            String label = o.path("label").asText().replace("\\n", "\n");
            names.put(o.path("_gvid").asInt(), name);
            (o.has("nodes") || name.startsWith("cluster_") ? boxes : nodes).put(name, label);
        }
        List<ParsedDiagram.Edge> edges = new ArrayList<>();
        for (JsonNode e : graph.path("edges")) {
            String to = e.has("lhead") ? e.path("lhead").asText() : names.get(e.path("head").asInt());
            String from = e.has("ltail") ? e.path("ltail").asText() : names.get(e.path("tail").asInt());
            edges.add(new ParsedDiagram.Edge(from, to, e.path("label").asText()));
        }
        return new ParsedDiagram(nodes, boxes, edges);
    }
}
