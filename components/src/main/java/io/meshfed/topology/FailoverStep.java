package io.meshfed.topology;

/**
 * Where a client in {@code fromCluster} goes when the endpoints it prefers for the service are
 * ejected: {@code toCluster} is in failover tier {@code tier} (1 = the first fallback; clusters of
 * one tier share the load).
 */
public record FailoverStep(String policy, String service, String namespace, String fromCluster, String toCluster, int tier) {
}
