package io.meshfed.judge.ambient;

import io.meshfed.judge.istio.SamplePod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The clusters of an ambient mesh, and which east-west gateway answers at a network gateway's address. */
final class AmbientMesh {

    private final Map<String, AmbientCluster> clusters;
    private final Map<String, String> clusterByGatewayAddress;

    /** @param clusterByGatewayAddress the address (host name or IP) each cluster's east-west gateway Service is reached at */
    AmbientMesh(Map<String, AmbientCluster> clusters, Map<String, String> clusterByGatewayAddress) {
        this.clusters = new LinkedHashMap<>(clusters);
        this.clusterByGatewayAddress = Map.copyOf(clusterByGatewayAddress);
    }

    AmbientCluster cluster(String name) {
        AmbientCluster c = clusters.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no cluster \"" + name + "\" in the judged mesh; it has " + clusters.keySet());
        }
        return c;
    }

    /** A gateway pod listening at the address: a cluster's east-west gateway behind its Service's address, or a pod IP. */
    Optional<Landing> at(String address) {
        String gatewayCluster = clusterByGatewayAddress.get(address);
        if (gatewayCluster != null) {
            AmbientCluster cluster = cluster(gatewayCluster);
            return cluster.eastWestGateway().map(p -> new Landing(cluster, p));
        }
        for (AmbientCluster c : clusters.values()) {
            Optional<SamplePod> pod = c.podByIp(address);
            if (pod.isPresent()) {
                return Optional.of(new Landing(c, pod.get()));
            }
        }
        return Optional.empty();
    }

    /** A pod and its cluster. */
    record Landing(AmbientCluster cluster, SamplePod pod) {
    }
}
