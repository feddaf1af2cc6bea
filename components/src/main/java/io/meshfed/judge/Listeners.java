package io.meshfed.judge;

import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.AdditionalAddress;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which listener takes a connection. Envoy looks a connection up by its local address: a listener
 * bound to exactly {@code ip:port} wins over one bound to the wildcard address on that port. A listener
 * with {@code use_original_dst} (Istio's {@code virtualOutbound} on 15001, fed by iptables) hands the
 * connection to the listener found that way for its original destination, and keeps it when there is none.
 */
public final class Listeners {

    private Listeners() {
    }

    /** The listener bound to {@code ip:port}, else to {@code 0.0.0.0:port} or {@code [::]:port}. */
    public static Optional<Listener> at(ProxyConfig config, String ip, int port) {
        Optional<Listener> exact = config.listeners().stream().filter(l -> boundTo(l, ip, port)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return config.listeners().stream()
                .filter(l -> boundTo(l, "0.0.0.0", port) || boundTo(l, "::", port)).findFirst();
    }

    /** The listener that serves an outbound connection to {@code ip:port} redirected to the virtual outbound listener. */
    public static Listener outbound(ProxyConfig config, String ip, int port) {
        Listener virtual = config.listeners().stream()
                .filter(l -> l.hasUseOriginalDst() && l.getUseOriginalDst().getValue()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this proxy has no listener with use_original_dst"));
        return at(config, ip, port).filter(l -> l != virtual).orElse(virtual);
    }

    /**
     * An internal listener (no socket address): the target of an {@code envoy_internal_address}
     * endpoint, found by its name ({@code server_listener_name}).
     */
    public static Optional<Listener> internal(ProxyConfig config, String name) {
        return config.listeners().stream().filter(l -> l.hasInternalListener() && l.getName().equals(name)).findFirst();
    }

    /** Istio's inbound listener: the one bound to the wildcard address on 15006. */
    public static Listener virtualInbound(ProxyConfig config) {
        return at(config, "0.0.0.0", 15006)
                .orElseThrow(() -> new IllegalArgumentException("this proxy has no listener on 0.0.0.0:15006"));
    }

    static boolean boundTo(Listener l, String ip, int port) {
        List<Address> addresses = new ArrayList<>();
        addresses.add(l.getAddress());
        l.getAdditionalAddressesList().stream().map(AdditionalAddress::getAddress).forEach(addresses::add);
        return addresses.stream().filter(Address::hasSocketAddress).map(Address::getSocketAddress)
                .anyMatch(s -> s.getPortValue() == port && sameIp(s, ip));
    }

    private static boolean sameIp(SocketAddress s, String ip) {
        String a = s.getAddress();
        return a.equals(ip) || ("::".equals(ip) && "0:0:0:0:0:0:0:0".equals(a));
    }
}
