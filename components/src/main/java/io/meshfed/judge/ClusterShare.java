package io.meshfed.judge;

/** One upstream cluster of a route and its exact share {@code weight / total} of the route's requests. */
public record ClusterShare(String cluster, long weight, long total) {

    public double fraction() {
        return (double) weight / total;
    }

    public double percent() {
        return 100.0 * weight / total;
    }
}
