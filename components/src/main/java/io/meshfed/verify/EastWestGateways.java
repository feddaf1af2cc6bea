package io.meshfed.verify;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.WorkloadEntry;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.meshfed.translate.MeshPlan;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a WorkloadEntry standing for a remote cluster's pods leads anywhere: the destination
 * cluster must render an east-west gateway listening on the entry's port. Sidecar: an Istio
 * Gateway server in {@code AUTO_PASSTHROUGH} whose hosts cover the global host. Ambient: a Gateway
 * API gateway of class {@code istio-eastwest} with an HBONE listener, and the source cluster must
 * know the entry's network through an {@code istio-remote} peer gateway.
 */
final class EastWestGateways {
    private static final String NETWORK_LABEL = "topology.istio.io/network";

    private EastWestGateways() {
    }

    /** Null when the entry reaches a gateway of {@code destinationCluster}, else why not. */
    static String problem(MeshPlan plan, String sourceCluster, String destinationCluster, WorkloadEntry entry, String host) {
        var spec = entry.getSpec();
        if (spec.getAddress() == null || spec.getAddress().isBlank()) {
            return "it has no address";
        }
        List<Long> ports = spec.getPorts() == null ? List.of() : spec.getPorts().values().stream().filter(Objects::nonNull).distinct().toList();
        if (ports.isEmpty()) {
            return "it names no port of the east-west gateway";
        }
        return plan.spec().ambient()
                ? ambient(plan, sourceCluster, destinationCluster, spec.getNetwork(), ports)
                : sidecar(plan, destinationCluster, ports, host);
    }

    private static String sidecar(MeshPlan plan, String destinationCluster, List<Long> ports, String host) {
        for (Gateway gateway : plan.cluster(destinationCluster).ofType(Gateway.class)) {
            for (Server server : gateway.getSpec().getServers()) {
                boolean passthrough = server.getTls() != null && server.getTls().getMode() == ServerTLSSettingsTLSmode.AUTO_PASSTHROUGH;
                boolean port = server.getPort() != null && server.getPort().getNumber() != null && ports.contains(server.getPort().getNumber());
                boolean covers = server.getHosts() != null && server.getHosts().stream().anyMatch(h -> covers(h, host));
                if (passthrough && port && covers) {
                    return null;
                }
            }
        }
        return "cluster " + destinationCluster + " renders no east-west gateway (Istio Gateway in AUTO_PASSTHROUGH on port "
                + ports + " for " + host + ")";
    }

    private static String ambient(MeshPlan plan, String sourceCluster, String destinationCluster, String network, List<Long> ports) {
        boolean eastWest = plan.cluster(destinationCluster).ofType(io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class).stream()
                .filter(g -> "istio-eastwest".equals(g.getSpec().getGatewayClassName()))
                .anyMatch(g -> g.getSpec().getListeners().stream().anyMatch(l -> hbone(l, ports)));
        if (!eastWest) {
            return "cluster " + destinationCluster + " renders no istio-eastwest gateway with an HBONE listener on " + ports;
        }
        if (network == null) {
            return "it names no network, so ztunnel cannot tell it is behind a remote gateway";
        }
        boolean peer = plan.cluster(sourceCluster).ofType(io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class).stream()
                .filter(g -> "istio-remote".equals(g.getSpec().getGatewayClassName()))
                .anyMatch(g -> network.equals(labels(g.getMetadata().getLabels()).get(NETWORK_LABEL)));
        return peer ? null : "cluster " + sourceCluster + " has no istio-remote gateway for network " + network;
    }

    private static boolean hbone(Listener l, List<Long> ports) {
        return "HBONE".equals(l.getProtocol()) && l.getPort() != null && ports.contains(l.getPort().longValue());
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }

    /** A Gateway server host ({@code [namespace/]host}, {@code *} wildcards) covering the host. */
    static boolean covers(String serverHost, String host) {
        String h = serverHost.contains("/") ? serverHost.substring(serverHost.indexOf('/') + 1) : serverHost;
        return h.equals("*") || h.equals(host) || (h.startsWith("*.") && host.endsWith(h.substring(1)));
    }
}
