package io.meshfed.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The exported services as nodes: one per service in {@link Detail#FULL}; in {@link Detail#REGIONS}
 * one per set of services with the same backing and consuming regions, naming a few of them.
 */
final class ExportNodes {

    static final int NAMED_PER_GROUP = 3;

    private final Map<String, String> nodeOfService = new LinkedHashMap<>();
    private final Map<String, List<ExportedService>> servicesOfNode = new LinkedHashMap<>();

    ExportNodes(MeshTopology topology, Detail detail) {
        for (ExportedService e : topology.exports()) {
            String id = detail == Detail.FULL ? "service:" + e.qualifiedName()
                    : "services:" + regions(topology, e.backing()) + "->" + regions(topology, e.consumers());
            nodeOfService.put(e.qualifiedName(), id);
            servicesOfNode.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
        }
    }

    private static String regions(MeshTopology topology, List<String> clusters) {
        return String.join(",", new TreeSet<>(clusters.stream().map(c -> topology.cluster(c).regionOrNone()).toList()));
    }

    /** The node standing for the service, if it is exported. */
    Optional<String> node(String service, String namespace) {
        return Optional.ofNullable(nodeOfService.get(service + "." + namespace));
    }

    List<DiagramNode> nodes() {
        List<DiagramNode> nodes = new ArrayList<>();
        servicesOfNode.forEach((id, services) -> {
            List<String> lines = new ArrayList<>();
            if (services.size() == 1) {
                lines.add(services.get(0).host());
                lines.add("exported service");
            } else {
                lines.add(services.size() + " exported services");
                services.stream().limit(NAMED_PER_GROUP).forEach(s -> lines.add(s.host()));
                if (services.size() > NAMED_PER_GROUP) {
                    lines.add("+" + (services.size() - NAMED_PER_GROUP) + " more");
                }
            }
            nodes.add(new DiagramNode(id, lines, NodeShape.SERVICE));
        });
        return nodes;
    }
}
