package io.meshfed.translate;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Virtual IPs for global hosts, in 240.0.0.0/4 (class E, never routed), from a stable hash of the
 * host. Hosts are allocated in sorted order and a collision moves the later host to its next
 * candidate, so the result only depends on the set of hosts. 240.0.0.0 and 255.255.255.255 are
 * never handed out.
 */
public final class Vips {

    private static final long BASE = 240L << 24;
    private static final long SPAN = 1L << 28;

    private Vips() {
    }

    public static Map<String, String> allocate(Collection<String> hosts) {
        Map<String, String> byHost = new HashMap<>();
        Map<Long, String> taken = new HashMap<>();
        for (String host : new TreeSet<>(hosts)) {
            for (int attempt = 0; ; attempt++) {
                long candidate = BASE + offset(host, attempt);
                if (candidate == BASE || candidate == BASE + SPAN - 1 || taken.containsKey(candidate)) {
                    continue;
                }
                taken.put(candidate, host);
                byHost.put(host, dotted(candidate));
                break;
            }
        }
        return byHost;
    }

    private static long offset(String host, int attempt) {
        byte[] hash = Names.sha256((attempt + "/" + host).getBytes(StandardCharsets.UTF_8));
        long value = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
        return value & (SPAN - 1);
    }

    static String dotted(long address) {
        return ((address >> 24) & 0xff) + "." + ((address >> 16) & 0xff) + "." + ((address >> 8) & 0xff) + "." + (address & 0xff);
    }
}
