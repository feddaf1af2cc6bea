package io.meshfed.topology;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clusters of a topology in boxes: one per region, inside it one per network shared by several
 * clusters; a cluster's own network is a line of its label. In {@link Detail#FULL} each cluster has
 * a gateway node beside it; in {@link Detail#REGIONS} the gateway is a line of the cluster's label.
 */
final class ClusterBoxes {

    static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final MeshTopology topology;
    private final Detail detail;

    ClusterBoxes(MeshTopology topology, Detail detail) {
        this.topology = topology;
        this.detail = detail;
    }

    static String clusterId(String cluster) {
        return "cluster:" + cluster;
    }

    static String gatewayId(String cluster) {
        return "gateway:" + cluster;
    }

    static String regionId(String region) {
        return "region:" + region;
    }

    /** Where edges of a cluster attach: the cluster itself, or its region box when drawing regions. */
    String anchor(String cluster) {
        return detail == Detail.FULL ? clusterId(cluster) : regionId(topology.cluster(cluster).regionOrNone());
    }

    /** Where exports leave a backing cluster: its gateway, or its region box when drawing regions. */
    String exportAnchor(String cluster) {
        return detail == Detail.FULL ? gatewayId(cluster) : anchor(cluster);
    }

    void addTo(List<DiagramNode> nodes, List<DiagramGroup> groups, EdgeSet edges) {
        Map<String, Map<String, List<ClusterNode>>> byRegion = new LinkedHashMap<>();
        for (ClusterNode c : topology.clusters()) {
            byRegion.computeIfAbsent(c.regionOrNone(), r -> new LinkedHashMap<>()).computeIfAbsent(c.network(), n -> new ArrayList<>()).add(c);
        }
        byRegion.forEach((region, networks) -> {
            List<String> loose = new ArrayList<>();
            List<DiagramGroup> networkBoxes = new ArrayList<>();
            networks.forEach((network, clusters) -> {
                List<String> ids = new ArrayList<>();
                for (ClusterNode c : clusters) {
                    ids.addAll(add(c, clusters.size() == 1, nodes, edges));
                }
                if (clusters.size() == 1) {
                    loose.addAll(ids);
                } else {
                    networkBoxes.add(new DiagramGroup("network:" + network, "network " + network, ids, List.of()));
                }
            });
            groups.add(new DiagramGroup(regionId(region), "region " + region, loose, networkBoxes));
        });
    }

    private List<String> add(ClusterNode c, boolean ownNetwork, List<DiagramNode> nodes, EdgeSet edges) {
        List<String> lines = new ArrayList<>();
        lines.add(c.name());
        if (c.zone() != null && !c.zone().isBlank()) {
            lines.add("zone " + c.zone());
        }
        if (ownNetwork) {
            lines.add("network " + c.network());
        }
        c.intermediate().ifPresent(ca -> lines.add("intermediate " + ca.shortFingerprint() + " until " + DAY.format(ca.notAfter())));
        if (detail == Detail.REGIONS) {
            lines.add("gateway " + c.gatewayEndpoint());
            nodes.add(new DiagramNode(clusterId(c.name()), lines, NodeShape.CLUSTER));
            return List.of(clusterId(c.name()));
        }
        nodes.add(new DiagramNode(clusterId(c.name()), lines, NodeShape.CLUSTER));
        nodes.add(new DiagramNode(gatewayId(c.name()), List.of("east-west gateway", c.gatewayEndpoint()), NodeShape.GATEWAY));
        edges.add(clusterId(c.name()), gatewayId(c.name()), EdgeKind.GATEWAY, "", c.name());
        return List.of(clusterId(c.name()), gatewayId(c.name()));
    }
}
