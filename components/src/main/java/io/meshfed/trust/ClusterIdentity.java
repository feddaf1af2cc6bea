package io.meshfed.trust;

import java.util.regex.Pattern;

/** A cluster that gets its own intermediate CA, and the SPIFFE trust domain of its workloads. */
public record ClusterIdentity(String cluster, String trustDomain) {
    private static final Pattern TRUST_DOMAIN = Pattern.compile("[a-z0-9._-]{1,255}");
    private static final int MAX_CLUSTER_LENGTH = 128; // ub-locality-name: the cluster goes into L=

    public ClusterIdentity {
        if (cluster == null || cluster.isBlank()) {
            throw new IllegalArgumentException("cluster: must not be blank");
        }
        if (cluster.length() > MAX_CLUSTER_LENGTH || !cluster.codePoints().allMatch(ClusterIdentity::isPrintable)) {
            throw new IllegalArgumentException(
                    "cluster: at most " + MAX_CLUSTER_LENGTH + " printable characters, got \"" + cluster + "\"");
        }
        requireTrustDomain(trustDomain);
    }

    static void requireTrustDomain(String trustDomain) {
        if (trustDomain == null || !TRUST_DOMAIN.matcher(trustDomain).matches()) {
            throw new IllegalArgumentException("trustDomain: lowercase letters, digits, '.', '-', '_' only "
                    + "(SPIFFE trust domain), got \"" + trustDomain + "\"");
        }
    }

    private static boolean isPrintable(int codePoint) {
        return !Character.isISOControl(codePoint);
    }
}
