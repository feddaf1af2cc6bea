package io.meshfed.judge;

import io.envoyproxy.envoy.config.core.v3.CidrRange;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Membership of an IP literal in an Envoy {@code CidrRange}. */
public final class Cidrs {

    private Cidrs() {
    }

    public static boolean contains(CidrRange range, String ip) {
        byte[] net = bytes(range.getAddressPrefix());
        byte[] addr = bytes(ip);
        if (net.length != addr.length) {
            return false;
        }
        int bits = range.hasPrefixLen() ? range.getPrefixLen().getValue() : net.length * 8;
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The prefix length that makes one range more specific than another. */
    public static int prefixLength(CidrRange range) {
        return range.hasPrefixLen() ? range.getPrefixLen().getValue() : bytes(range.getAddressPrefix()).length * 8;
    }

    private static byte[] bytes(String ip) {
        // only literals: InetAddress would resolve a host name through DNS
        if (!ip.matches("[0-9.]+") && !ip.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("not an IP literal: " + ip);
        }
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + ip, e);
        }
    }
}
