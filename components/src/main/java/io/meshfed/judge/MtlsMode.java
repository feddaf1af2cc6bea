package io.meshfed.judge;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.List;

/**
 * The mTLS mode an inbound listener enforces on a port, read from its filter chains for that
 * destination port: TLS chains only is STRICT, TLS and plaintext chains is PERMISSIVE, plaintext only
 * is DISABLE. Istio writes one chain per mode and protocol (pilot/pkg/networking/core/filterchain_options.go, 1.30.3).
 */
public enum MtlsMode {
    STRICT, PERMISSIVE, DISABLE;

    public static MtlsMode of(Listener inbound, int port) {
        List<FilterChain> chains = inbound.getFilterChainsList().stream()
                .filter(f -> f.getFilterChainMatch().hasDestinationPort()
                        && f.getFilterChainMatch().getDestinationPort().getValue() == port)
                .toList();
        if (chains.isEmpty()) {
            throw new IllegalArgumentException("listener " + inbound.getName() + " has no filter chain for port " + port);
        }
        boolean tls = chains.stream().anyMatch(f -> !DownstreamTls.plaintext(f));
        boolean plain = chains.stream().anyMatch(DownstreamTls::plaintext);
        return tls && plain ? PERMISSIVE : tls ? STRICT : DISABLE;
    }
}
