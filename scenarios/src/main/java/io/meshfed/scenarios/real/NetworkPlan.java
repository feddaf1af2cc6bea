package io.meshfed.scenarios.real;

/**
 * Address plan of clusters sharing one Docker network: distinct pod and service subnets per cluster
 * (Istio multi-network does not need them, but they keep packet captures and logs unambiguous), and
 * for kind a MetalLB pool per cluster carved from the top /24 of the Docker network's IPv4 subnet, a
 * block of 16 per cluster counted down from the top (14 usable addresses; the broadcast address is
 * never in a pool); the east-west gateway, the only LoadBalancer Service, gets the first. Docker
 * hands out container addresses from the bottom of the subnet (gateway {@code .1}, then {@code .2}, …),
 * so counting down keeps pools clear of them even on a /24 network, for up to {@value #MAX_CLUSTERS}
 * clusters (the upper half of the /24).
 */
public final class NetworkPlan {

    public static final int MAX_CLUSTERS = 8;

    private NetworkPlan() {
    }

    public static String podSubnet(int index) {
        return "10." + (10 + index) + ".0.0/16";
    }

    public static String serviceSubnet(int index) {
        return "10." + (110 + index) + ".0.0/16";
    }

    /** CoreDNS's Service address inside {@link #serviceSubnet}: k3s is told it explicitly (its default is 10.43.0.10). */
    public static String clusterDns(int index) {
        return "10." + (110 + index) + ".0.10";
    }

    /** {@code first-last} of cluster {@code index}'s pool inside {@code subnetCidr} (IPv4, prefix ≤ 24). */
    public static String metallbPool(String subnetCidr, int index) {
        String[] parts = subnetCidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        if (prefix > 24 || index < 0 || index >= MAX_CLUSTERS) {
            throw new IllegalArgumentException("need an IPv4 subnet of /24 or larger and at most " + MAX_CLUSTERS + " clusters: " + subnetCidr
                    + ", cluster #" + index);
        }
        long base = toLong(parts[0]) & (0xFFFFFFFFL << (32 - prefix));
        long size = 1L << (32 - prefix);
        long first = base + size - 16L * (index + 1);
        return toIp(first) + "-" + toIp(first + 13);
    }

    public static String firstOf(String pool) {
        return pool.split("-")[0];
    }

    static long toLong(String ip) {
        long v = 0;
        for (String octet : ip.split("\\.")) {
            v = (v << 8) | Integer.parseInt(octet);
        }
        return v;
    }

    static String toIp(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
