package io.meshfed.topology;

/**
 * One weighted destination of a traffic policy's route, as written into one source cluster:
 * {@code weight} percent of the requests from {@code sourceCluster} to the service go to
 * {@code subset} in {@code targetCluster} (either may be null: any cluster, any subset).
 */
public record WeightedSplit(String policy, String service, String namespace, String route, String sourceCluster,
        String targetCluster, String subset, int weight) {

    /** {@code 75% v3}, or {@code 100% any version}. */
    public String share() {
        return weight + "% " + (subset == null ? "any version" : subset);
    }
}
