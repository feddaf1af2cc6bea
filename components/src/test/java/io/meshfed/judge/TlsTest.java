package io.meshfed.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsTest {

    private static CommonTlsContext.Builder common(CertificateValidationContext validation) {
        return CommonTlsContext.newBuilder()
                .addTlsCertificateSdsSecretConfigs(SdsSecretConfig.newBuilder().setName("default"))
                .setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
                        .setDefaultValidationContext(validation)
                        .setValidationContextSdsSecretConfig(SdsSecretConfig.newBuilder().setName("ROOTCA")));
    }

    /** Istio's auto-mTLS cluster: tlsMode-istio (TLS) first, then tlsMode-disabled (empty match, plaintext). */
    private static ProxyConfig autoMtls() {
        UpstreamTlsContext tls = UpstreamTlsContext.newBuilder().setSni("outbound_.9080_._.reviews.shop.global")
                .setCommonTlsContext(common(CertificateValidationContext.newBuilder()
                        .addMatchSubjectAltNames(Envoy.exact("spiffe://east/ns/shop/sa/reviews"))
                        .addMatchSubjectAltNames(Envoy.exact("spiffe://west/ns/shop/sa/reviews")).build())
                        .addAlpnProtocols("istio-peer-exchange").addAlpnProtocols("istio"))
                .build();
        Cluster c = Envoy.edsCluster("reviews").toBuilder()
                .addTransportSocketMatches(Cluster.TransportSocketMatch.newBuilder().setName("tlsMode-istio")
                        .setMatch(Envoy.tlsMode("istio").getFilterMetadataOrThrow(UpstreamTls.MATCH_KEY))
                        .setTransportSocket(Envoy.socket(tls)))
                .addTransportSocketMatches(Cluster.TransportSocketMatch.newBuilder().setName("tlsMode-disabled")
                        .setMatch(Struct.getDefaultInstance()).setTransportSocket(Envoy.rawBuffer()))
                .build();
        return ProxyConfig.of(Envoy.dump(List.of(), List.of(c), List.of(), List.of()));
    }

    @Test
    void transportSocketMatchFollowsEndpointTlsMode() {
        UpstreamTls mtls = UpstreamTls.of(autoMtls(), "reviews", Envoy.tlsMode("istio"));
        UpstreamTls plain = UpstreamTls.of(autoMtls(), "reviews", Metadata.getDefaultInstance());
        UpstreamTls disabled = UpstreamTls.of(autoMtls(), "reviews", Envoy.tlsMode("disabled"));

        assertEquals("tlsMode-istio", mtls.matchName());
        assertTrue(mtls.tls());
        assertEquals("outbound_.9080_._.reviews.shop.global", mtls.sni());
        assertEquals(List.of("istio-peer-exchange", "istio"), mtls.alpn());
        assertEquals(List.of("default"), mtls.certificateSds());
        assertEquals("ROOTCA", mtls.validationSds());
        assertEquals("tlsMode-disabled", plain.matchName());
        assertFalse(plain.tls());
        assertEquals("tlsMode-disabled", disabled.matchName());
    }

    @Test
    void clientChecksTheServerSan() {
        UpstreamTls mtls = UpstreamTls.of(autoMtls(), "reviews", Envoy.tlsMode("istio"));

        assertNull(mtls.acceptsServer("spiffe://west/ns/shop/sa/reviews"));
        assertEquals("server certificate SAN spiffe://west/ns/shop/sa/ratings matches none of "
                        + "[spiffe://east/ns/shop/sa/reviews, spiffe://west/ns/shop/sa/reviews]",
                mtls.acceptsServer("spiffe://west/ns/shop/sa/ratings"));
    }

    @Test
    void clusterTransportSocketAndTypedSans() {
        UpstreamTlsContext tls = UpstreamTlsContext.newBuilder().setCommonTlsContext(common(CertificateValidationContext
                .newBuilder().addMatchTypedSubjectAltNames(SubjectAltNameMatcher.newBuilder()
                        .setSanType(SubjectAltNameMatcher.SanType.DNS).setMatcher(Envoy.exact("spiffe://west/ns/a/sa/b")))
                .addMatchTypedSubjectAltNames(SubjectAltNameMatcher.newBuilder()
                        .setSanType(SubjectAltNameMatcher.SanType.URI).setMatcher(Envoy.prefix("spiffe://west/ns/a/")))
                .build())).build();
        Cluster c = Envoy.edsCluster("c").toBuilder().setTransportSocket(Envoy.socket(tls)).build();
        UpstreamTls u = UpstreamTls.of(ProxyConfig.of(Envoy.dump(List.of(), List.of(c), List.of(), List.of())), "c",
                Metadata.getDefaultInstance());

        assertNull(u.matchName());
        assertNull(u.acceptsServer("spiffe://west/ns/a/sa/x"));
        // a DNS-typed matcher never matches the URI SAN
        assertEquals("server certificate SAN spiffe://east/ns/a/sa/b matches none of [spiffe://west/ns/a/*]",
                u.acceptsServer("spiffe://east/ns/a/sa/b"));
    }

    /** Istio's inbound mTLS chain: a prefix matcher per validated trust domain. */
    private static FilterChain mtlsChain(int port, String... trustDomains) {
        CertificateValidationContext.Builder v = CertificateValidationContext.newBuilder();
        for (String td : trustDomains) {
            v.addMatchSubjectAltNames(Envoy.prefix("spiffe://" + td + "/"));
        }
        DownstreamTlsContext tls = DownstreamTlsContext.newBuilder().setRequireClientCertificate(Envoy.yes())
                .setCommonTlsContext(common(v.build()).addAlpnProtocols("h2")).build();
        return Envoy.chain(port + "-tls", Envoy.port(port).toBuilder().setTransportProtocol("tls").build())
                .toBuilder().setTransportSocket(Envoy.socket(tls)).build();
    }

    @Test
    void serverAcceptsClientsOfItsTrustDomainsOnly() {
        DownstreamTls tls = DownstreamTls.of(mtlsChain(9080, "west")).orElseThrow();

        assertNull(tls.accepts("spiffe://west/ns/a/sa/b"));
        assertEquals("client certificate SAN spiffe://east/ns/a/sa/b matches none of [spiffe://west/*]",
                tls.accepts("spiffe://east/ns/a/sa/b"));
        assertEquals("client certificate SAN spiffe://westeros/ns/a/sa/b matches none of [spiffe://west/*]",
                tls.accepts("spiffe://westeros/ns/a/sa/b"));
        assertEquals("the server requires a client certificate", tls.accepts(null));
        assertNull(DownstreamTls.of(mtlsChain(9080, "west", "east")).orElseThrow().accepts("spiffe://east/ns/a/sa/b"));
    }

    @Test
    void mtlsModeFromTheInboundChainsOfAPort() {
        FilterChain plain9080 = Envoy.chain("9080-plain", Envoy.port(9080).toBuilder().setTransportProtocol("raw_buffer").build());
        FilterChain plain8000 = Envoy.chain("8000-plain", Envoy.port(8000));
        Listener inbound = Envoy.listener("virtualInbound", "0.0.0.0", 15006,
                mtlsChain(9080, "west"), plain9080, mtlsChain(9090, "west"), plain8000);

        assertEquals(MtlsMode.PERMISSIVE, MtlsMode.of(inbound, 9080));
        assertEquals(MtlsMode.STRICT, MtlsMode.of(inbound, 9090));
        assertEquals(MtlsMode.DISABLE, MtlsMode.of(inbound, 8000));
        assertTrue(DownstreamTls.plaintext(plain9080));
        assertFalse(DownstreamTls.plaintext(mtlsChain(9080, "west")));
    }
}
