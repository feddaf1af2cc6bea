package io.meshfed.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Draws a {@link MeshTopology} as a {@link Diagram}: clusters grouped by region and network with
 * their east-west gateways, the roots signing each intermediate, exported services from their
 * backing gateways to their consumers, traffic splits as weighted edges, failover order and the
 * allowed edges of the access policies. {@link Detail} decides how much is drawn.
 */
public final class TopologyDiagram {

    private final MeshTopology topology;
    private final Detail detail;
    private final ClusterBoxes clusters;
    private final ExportNodes exports;
    private final List<DiagramNode> nodes = new ArrayList<>();
    private final List<DiagramGroup> groups = new ArrayList<>();
    private final EdgeSet edges = new EdgeSet();

    private TopologyDiagram(MeshTopology topology, Detail detail) {
        this.topology = topology;
        this.detail = detail;
        this.clusters = new ClusterBoxes(topology, detail);
        this.exports = new ExportNodes(topology, detail);
    }

    public static Diagram of(MeshTopology topology, Detail detail) {
        return new TopologyDiagram(topology, detail).draw();
    }

    private Diagram draw() {
        clusters.addTo(nodes, groups, edges);
        roots();
        nodes.addAll(exports.nodes());
        exports();
        splits();
        failovers();
        allowed();
        List<String> notes = new ArrayList<>();
        if (detail == Detail.REGIONS) {
            notes.add(topology.clusters().size() + " clusters drawn by region (--detail full draws every edge):");
            notes.add("edges attach to region boxes; identical edges merge, ×n = how many policies, services or clusters they stand for;");
            notes.add("exported services with the same backing and consuming regions share a node; access policies join namespaces.");
        }
        return new Diagram("mesh " + topology.mesh() + " (" + (topology.ambient() ? "ambient" : "sidecar") + ")",
                notes, detail == Detail.REGIONS, groups, nodes, edges.edges());
    }

    private void roots() {
        for (CaCertificate root : topology.roots()) {
            String id = "root:" + root.fingerprintSha256();
            nodes.add(new DiagramNode(id, List.of("root CA", root.subject(), "sha256 " + root.shortFingerprint(),
                    "until " + ClusterBoxes.DAY.format(root.notAfter())), NodeShape.CA));
            for (ClusterNode c : topology.clusters()) {
                if (c.intermediate().map(i -> i.issuer().equals(root.subject())).orElse(false)) {
                    edges.add(id, clusters.anchor(c.name()), EdgeKind.SIGNS, "signs", c.name());
                }
            }
        }
    }

    private void exports() {
        for (ExportedService e : topology.exports()) {
            String node = exports.node(e.service(), e.namespace()).orElseThrow();
            e.backing().forEach(b -> edges.add(clusters.exportAnchor(b), node, EdgeKind.EXPORTS, "backs", e.qualifiedName()));
            e.consumers().forEach(c -> edges.add(node, clusters.anchor(c), EdgeKind.CONSUMES, "consumed", e.qualifiedName()));
        }
    }

    /**
     * One edge per split entry; by region, the entries of one route that reach the same node share
     * an edge labelled with all their shares.
     */
    private void splits() {
        Map<List<String>, List<String>> shares = new LinkedHashMap<>();
        for (WeightedSplit s : topology.splits()) {
            String to = s.targetCluster() != null ? clusters.anchor(s.targetCluster())
                    : exports.node(s.service(), s.namespace()).orElse(clusters.anchor(s.sourceCluster()));
            String from = clusters.anchor(s.sourceCluster());
            if (detail == Detail.FULL) {
                boolean severalRoutes = topology.splits().stream()
                        .anyMatch(o -> o.policy().equals(s.policy()) && !Objects.equals(o.route(), s.route()));
                edges.add(from, to, EdgeKind.SPLIT, s.service() + " " + s.share()
                        + (severalRoutes && s.route() != null ? " (route " + s.route() + ")" : ""), s.policy());
            } else {
                shares.computeIfAbsent(Arrays.asList(from, to, s.policy(), s.route(), s.sourceCluster()), k -> new ArrayList<>()).add(s.share());
            }
        }
        shares.forEach((key, labels) -> edges.add(key.get(0), key.get(1), EdgeKind.SPLIT, String.join(", ", labels), key.get(2)));
    }

    private void failovers() {
        for (FailoverStep f : topology.failovers()) {
            String label = detail == Detail.FULL ? f.service() + " failover tier " + f.tier() : "failover";
            edges.add(clusters.anchor(f.fromCluster()), clusters.anchor(f.toCluster()), EdgeKind.FAILOVER, label, f.policy());
        }
    }

    private void allowed() {
        if (topology.allowed().isEmpty()) {
            return;
        }
        Map<String, DiagramNode> access = new LinkedHashMap<>();
        for (AllowedEdge a : topology.allowed()) {
            if (detail == Detail.FULL) {
                String from = node(access, "peer:" + a.source().describe(), a.source().describe(), NodeShape.PEER);
                String to = node(access, "selector:" + a.destination(), a.destination(), NodeShape.SELECTOR);
                edges.add(from, to, EdgeKind.ALLOWS, a.policy() + ": " + a.requests(), a.policy());
            } else {
                String from = node(access, "peer-ns:" + a.source().namespaceOrAny(), "from ns " + a.source().namespaceOrAny(), NodeShape.PEER);
                for (String ns : a.destinationNamespaces()) {
                    String to = node(access, "selector-ns:" + ns, "to ns " + ns, NodeShape.SELECTOR);
                    edges.add(from, to, EdgeKind.ALLOWS, a.requests(), a.policy());
                }
            }
        }
        nodes.addAll(access.values());
        groups.add(new DiagramGroup("access", "allowed by access policies"
                + (topology.defaultDeny() ? " (everything else is denied)" : " (no default deny)"),
                List.copyOf(access.keySet()), List.of()));
    }

    private static String node(Map<String, DiagramNode> nodes, String id, String label, NodeShape shape) {
        nodes.putIfAbsent(id, new DiagramNode(id, List.of(label), shape));
        return id;
    }
}
