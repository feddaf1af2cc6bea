package io.meshfed.judge.ambient;

import io.meshfed.judge.istio.SamplePod;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.translate.MeshPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The clusters of an ambient mesh, and which east-west gateway answers at a network gateway's address. */
final class AmbientMesh {

    private final MeshPlan plan;
    private final Map<String, AmbientCluster> clusters;

    AmbientMesh(MeshPlan plan, Map<String, AmbientCluster> clusters) {
        this.plan = plan;
        this.clusters = new LinkedHashMap<>(clusters);
    }

    AmbientCluster cluster(String name) {
        AmbientCluster c = clusters.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no cluster \"" + name + "\" in the judged mesh; it has " + clusters.keySet());
        }
        return c;
    }

    /** A gateway pod listening at the address: a cluster's east-west gateway behind its declared address, or a pod IP. */
    Optional<Landing> at(String address) {
        for (ClusterSpec c : plan.spec().clusters()) {
            if (address.equals(c.eastWestGateway().address())) {
                AmbientCluster cluster = cluster(c.name());
                return cluster.eastWestGateway().map(p -> new Landing(cluster, p));
            }
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
