package io.meshfed.translate;

/**
 * Subset names. They travel in the SNI to the remote east-west gateway, so every cluster defines
 * the same names: {@code v3} (any cluster), {@code kind3-v3} (one cluster, one version) and
 * {@code kind3} (one cluster, any version).
 */
public final class Subsets {

    private Subsets() {
    }

    public static String name(String cluster, String version) {
        if (cluster == null) {
            return version;
        }
        return version == null ? Names.of(cluster) : Names.of(cluster, version);
    }
}
