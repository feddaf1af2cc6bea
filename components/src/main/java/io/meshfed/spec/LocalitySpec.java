package io.meshfed.spec;

/** Region and zone of a cluster, as in {@code topology.kubernetes.io/region} and {@code /zone}. */
public record LocalitySpec(String region, String zone) {

    static LocalitySpec none() {
        return new LocalitySpec(null, null);
    }

    /** Istio's locality string {@code region/zone}, or empty when no region is declared. */
    public String istioLocality() {
        if (region == null || region.isBlank()) {
            return "";
        }
        return zone == null || zone.isBlank() ? region : region + "/" + zone;
    }
}
