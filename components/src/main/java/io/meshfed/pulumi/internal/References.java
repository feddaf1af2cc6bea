package io.meshfed.pulumi.internal;

import io.meshfed.pulumi.ClusterReference;
import io.meshfed.pulumi.inputs.LocalityArgs;
import io.meshfed.spec.ClusterSpec;
import javax.annotation.Nullable;

/** Builds the reference objects components hand to their dependents. */
public final class References {

    private References() {
    }

    /** A cluster with its effective network and trust domain (the defaults applied once, here). */
    public static ClusterReference cluster(String mesh, ClusterSpec cluster, @Nullable LocalityArgs locality, @Nullable String provider) {
        return ClusterReference.builder().mesh(mesh).name(cluster.name()).network(cluster.effectiveNetwork())
                .trustDomain(cluster.effectiveTrustDomain()).locality(locality).kubernetesProvider(provider).build();
    }

    public static ClusterReference withProvider(ClusterReference cluster, String provider) {
        return ClusterReference.builder().mesh(cluster.mesh()).name(cluster.name()).network(cluster.network())
                .trustDomain(cluster.trustDomain()).locality(cluster.locality()).kubernetesProvider(provider).build();
    }
}
