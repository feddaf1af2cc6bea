package io.meshfed.translate;

import io.meshfed.spec.MeshSpec;
import java.util.List;

/** The translation of a whole mesh: one plan per cluster, in the spec's cluster order. */
public record MeshPlan(MeshSpec spec, List<ClusterPlan> clusters, String rootFingerprintSha256) {

    public MeshPlan {
        clusters = List.copyOf(clusters);
    }

    public ClusterPlan cluster(String name) {
        return clusters.stream().filter(c -> c.cluster().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no plan for cluster " + name));
    }

    public int objectCount() {
        return clusters.stream().mapToInt(c -> c.objects().size() + c.releases().size()).sum();
    }
}
