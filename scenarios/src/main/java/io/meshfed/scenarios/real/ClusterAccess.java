package io.meshfed.scenarios.real;

import java.nio.file.Path;

/**
 * How to reach one cluster of the mesh: its kubeconfig file (for the Pulumi program and the client
 * here), the context to use in it (null: the current one), the address its east-west gateway will
 * get (null: whatever the LoadBalancer assigns), and whether this run created the cluster.
 */
public record ClusterAccess(String cluster, Path kubeconfig, String context, String eastWestAddress, boolean created) {
}
