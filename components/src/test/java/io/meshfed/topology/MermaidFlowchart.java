package io.meshfed.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the Mermaid flowchart subset that {@link MermaidWriter} writes, strictly: every line
 * must be a header, a comment, a subgraph start or end, a node or an edge, else parsing fails.
 */
final class MermaidFlowchart {

    private static final String LABEL = "\"([^\"]*)\"";
    private static final Pattern NODE = Pattern.compile("(\\w+)(\\(\\[|\\[\\[|\\[/|\\{\\{|\\(|\\[)" + LABEL + "(\\]\\)|\\]\\]|/\\]|\\}\\}|\\)|\\])");
    private static final Pattern SUBGRAPH = Pattern.compile("subgraph (\\w+)\\[" + LABEL + "\\]");
    private static final Pattern EDGE = Pattern.compile("(\\w+) (---|-->|-\\.->|==>)(?:\\|" + LABEL + "\\|)? (\\w+)");

    private MermaidFlowchart() {
    }

    static ParsedDiagram parse(String text) {
        Map<String, String> nodes = new LinkedHashMap<>();
        Map<String, String> boxes = new LinkedHashMap<>();
        List<ParsedDiagram.Edge> edges = new ArrayList<>();
        String[] lines = text.split("\n");
        int i = 0;
        if (lines[0].equals("---")) {
            while (!lines[++i].equals("---")) {
                if (!lines[i].startsWith("title: ")) {
                    throw new IllegalArgumentException("unexpected front matter: " + lines[i]);
                }
            }
            i++;
        }
        if (!lines[i].startsWith("flowchart ")) {
            throw new IllegalArgumentException("not a flowchart: " + lines[i]);
        }
        int depth = 0;
        for (i++; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher m;
            if (line.startsWith("%%")) {
                continue;
            } else if ((m = SUBGRAPH.matcher(line)).matches()) {
                boxes.put(m.group(1), decode(m.group(2)));
                depth++;
            } else if (line.equals("end")) {
                depth--;
            } else if ((m = NODE.matcher(line)).matches()) {
                nodes.put(m.group(1), decode(m.group(3)));
            } else if ((m = EDGE.matcher(line)).matches()) {
                edges.add(new ParsedDiagram.Edge(m.group(1), m.group(4), m.group(3) == null ? "" : decode(m.group(3))));
            } else {
                throw new IllegalArgumentException("line " + (i + 1) + " is no flowchart statement: " + line);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced subgraphs: " + depth);
        }
        for (ParsedDiagram.Edge e : edges) {
            for (String end : List.of(e.from(), e.to())) {
                if (!nodes.containsKey(end) && !boxes.containsKey(end)) {
                    throw new IllegalArgumentException("edge to undefined " + end);
                }
            }
        }
        return new ParsedDiagram(nodes, boxes, edges);
    }

    private static String decode(String label) {
        return label.replace("<br/>", "\n").replace("#quot;", "\"").replace("#lt;", "<").replace("#gt;", ">")
                .replace("#124;", "|").replace("#35;", "#");
    }
}
