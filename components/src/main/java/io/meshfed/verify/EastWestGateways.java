package io.meshfed.verify;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.WorkloadEntry;
import io.meshfed.translate.MeshPlan;
import java.util.List;
import java.util.Objects;

/**
 * Whether a WorkloadEntry standing for a remote cluster's pods leads anywhere: the destination
 * cluster must render an east-west gateway listening on the entry's port. Sidecar: an Istio
 * Gateway server in {@code AUTO_PASSTHROUGH} whose hosts cover the global host, on a port the entry
 * names. Ambient: {@link AmbientEastWest} (the port is the peer's HBONE port, not the entry's).
 */
final class EastWestGateways {
    private EastWestGateways() {
    }

    /** Null when the entry reaches a gateway of {@code destinationCluster}, else why not. */
    static String problem(MeshPlan plan, String sourceCluster, String destinationCluster, WorkloadEntry entry, String host) {
        var spec = entry.getSpec();
        if (spec.getAddress() == null || spec.getAddress().isBlank()) {
            return "it has no address";
        }
        if (plan.spec().ambient()) {
            return AmbientEastWest.problem(plan, sourceCluster, destinationCluster, spec.getNetwork());
        }
        List<Long> ports = spec.getPorts() == null ? List.of() : spec.getPorts().values().stream().filter(Objects::nonNull).distinct().toList();
        if (ports.isEmpty()) {
            return "it names no port of the east-west gateway";
        }
        return sidecar(plan, destinationCluster, ports, host);
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

    /** A Gateway server host ({@code [namespace/]host}, {@code *} wildcards) covering the host. */
    static boolean covers(String serverHost, String host) {
        String h = serverHost.contains("/") ? serverHost.substring(serverHost.indexOf('/') + 1) : serverHost;
        return h.equals("*") || h.equals(host) || (h.startsWith("*.") && host.endsWith(h.substring(1)));
    }
}
