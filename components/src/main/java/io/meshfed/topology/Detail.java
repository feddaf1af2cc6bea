package io.meshfed.topology;

/**
 * How much a topology diagram draws. {@code FULL}: every cluster with its gateway, every edge.
 * {@code REGIONS}: clusters stay in their region boxes (gateway address in the cluster's label),
 * but edges attach to regions and identical ones merge into one with a count, exported services
 * with the same backing and consuming regions become one node, and access policies are drawn
 * between namespaces.
 */
public enum Detail {
    FULL, REGIONS;

    /** Above this many clusters {@link #auto} draws regions. */
    public static final int MAX_FULL_CLUSTERS = 8;

    public static Detail auto(int clusters) {
        return clusters > MAX_FULL_CLUSTERS ? REGIONS : FULL;
    }
}
