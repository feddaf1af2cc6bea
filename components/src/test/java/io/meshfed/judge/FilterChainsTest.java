package io.meshfed.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FilterChainsTest {

    private static String chosen(Listener l, Connection c) {
        return FilterChains.select(l, c).map(FilterChain::getName).orElse("closed");
    }

    private static Connection tls(String sni) {
        return Connection.tls("10.0.0.1", 15443, sni, List.of());
    }

    @Test
    void sniExactBeatsLongestWildcardBeatsChainsWithoutNames() {
        Listener gw = Envoy.listener("0.0.0.0_15443", "0.0.0.0", 15443,
                Envoy.chain("exact", Envoy.match().addServerNames("outbound_.9080_._.reviews.shop.global").build()),
                Envoy.chain("global", Envoy.match().addServerNames("*.global").build()),
                Envoy.chain("shop-global", Envoy.match().addServerNames("*.shop.global").build()),
                Envoy.chain("no-names", Envoy.match().build()));

        assertEquals("exact", chosen(gw, tls("outbound_.9080_._.reviews.shop.global")));
        assertEquals("shop-global", chosen(gw, tls("outbound_.9080_.v1_.reviews.shop.global")));
        assertEquals("global", chosen(gw, tls("outbound_.9080_._.ratings.other.global")));
        assertEquals("no-names", chosen(gw, tls("reviews.shop.svc.cluster.local")));
        assertEquals("no-names", chosen(gw, tls(null)));
    }

    @Test
    void defaultChainTakesWhatNoChainMatches() {
        Listener gw = Envoy.listener("gw", "0.0.0.0", 15443,
                Envoy.chain("global", Envoy.match().addServerNames("*.global").build())).toBuilder()
                .setDefaultFilterChain(FilterChain.newBuilder().setName("default")).build();
        Listener noDefault = gw.toBuilder().clearDefaultFilterChain().build();

        assertEquals("global", chosen(gw, tls("a.global")));
        assertEquals("default", chosen(gw, tls("a.local")));
        // a wildcard never matches the bare suffix
        assertEquals("default", chosen(gw, tls("global")));
        assertEquals("closed", chosen(noDefault, tls("a.local")));
    }

    @Test
    void inboundChainByDestinationPortThenTransport() {
        Listener inbound = Envoy.listener("virtualInbound", "0.0.0.0", 15006,
                Envoy.chain("9080-tls", Envoy.port(9080).toBuilder().setTransportProtocol("tls")
                        .addApplicationProtocols("istio-http/1.1").addApplicationProtocols("istio").build()),
                Envoy.chain("9080-plain", Envoy.port(9080).toBuilder().setTransportProtocol("raw_buffer").build()),
                Envoy.chain("passthrough", Envoy.match().addPrefixRanges(CidrRange.newBuilder().setAddressPrefix("0.0.0.0")
                        .setPrefixLen(UInt32Value.of(0))).build()));

        assertEquals("9080-tls", chosen(inbound, Connection.tls("10.1.0.5", 9080, "outbound_.9080_._.reviews", List.of("istio"))));
        assertEquals("9080-plain", chosen(inbound, Connection.plaintextHttp("10.1.0.5", 9080)));
        assertEquals("passthrough", chosen(inbound, Connection.plaintextHttp("10.1.0.5", 8000)));
        // no backtracking: port 9080 chains exist, so a TLS connection with an unknown ALPN is closed
        assertEquals("closed", chosen(inbound, Connection.tls("10.1.0.5", 9080, null, List.of("h2"))));
    }

    @Test
    void mostSpecificDestinationPrefixWins() {
        Listener l = Envoy.listener("l", "0.0.0.0", 80,
                Envoy.chain("wide", Envoy.match().addPrefixRanges(cidr("10.0.0.0", 8)).build()),
                Envoy.chain("narrow", Envoy.match().addPrefixRanges(cidr("10.1.0.0", 16)).build()));

        assertEquals("narrow", chosen(l, Connection.plaintextHttp("10.1.2.3", 80)));
        assertEquals("wide", chosen(l, Connection.plaintextHttp("10.2.2.3", 80)));
        assertEquals("closed", chosen(l, Connection.plaintextHttp("192.168.0.1", 80)));
    }

    @Test
    void outboundConnectionGoesToTheListenerOfItsOriginalDestination() {
        Listener virtual = Envoy.listener("virtualOutbound", "0.0.0.0", 15001,
                Envoy.chain("passthrough", Envoy.match().build())).toBuilder().setUseOriginalDst(Envoy.yes()).build();
        Listener anyIp = Envoy.listener("0.0.0.0_9080", "0.0.0.0", 9080);
        Listener vip = Envoy.listener("240.1.2.3_9080", "240.1.2.3", 9080);
        ProxyConfig config = ProxyConfig.of(Envoy.dump(List.of(virtual, anyIp, vip), List.of(), List.of(), List.of()));

        assertEquals("240.1.2.3_9080", Listeners.outbound(config, "240.1.2.3", 9080).getName());
        assertEquals("0.0.0.0_9080", Listeners.outbound(config, "10.96.0.9", 9080).getName());
        assertEquals("virtualOutbound", Listeners.outbound(config, "10.96.0.9", 3306).getName());
        assertEquals(Optional.empty(), Listeners.at(ProxyConfig.of(ConfigDump.getDefaultInstance()), "1.2.3.4", 80));
    }

    @Test
    void cidrMembership() {
        assertTrue(Cidrs.contains(cidr("240.0.0.0", 4), "255.1.2.3"));
        assertEquals(false, Cidrs.contains(cidr("240.0.0.0", 4), "239.255.255.255"));
        assertTrue(Cidrs.contains(cidr("fd00::", 8), "fd12::1"));
        assertEquals(false, Cidrs.contains(cidr("fd00::", 8), "10.0.0.1"));
    }

    private static CidrRange cidr(String prefix, int len) {
        return CidrRange.newBuilder().setAddressPrefix(prefix).setPrefixLen(UInt32Value.of(len)).build();
    }
}
