package io.meshfed.judge;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import java.util.List;
import java.util.Optional;

/**
 * The server side of TLS on a filter chain. Istio's inbound mTLS chain requires a client certificate
 * and puts one prefix matcher {@code spiffe://<trust domain>/} per trust domain it validates (the
 * mesh trust domain and its aliases) into the default validation context
 * (pilot/pkg/security/model/authentication.go {@code ApplyToCommonTLSContext},
 * pilot/pkg/networking/plugin/authn/util.go {@code TrustDomainsForValidation}, 1.30.3).
 */
public record DownstreamTls(boolean requireClientCertificate, SanMatchers clientSans, List<String> certificateSds,
        List<String> alpn) {

    /** The chain's TLS context, or empty when the chain is plaintext. */
    public static Optional<DownstreamTls> of(FilterChain chain) {
        if (!chain.hasTransportSocket()) {
            return Optional.empty();
        }
        return EnvoyTypes.unpack(chain.getTransportSocket().getTypedConfig(), DownstreamTlsContext.class).map(t ->
                new DownstreamTls(t.hasRequireClientCertificate() && t.getRequireClientCertificate().getValue(),
                        SanMatchers.of(t.getCommonTlsContext()),
                        t.getCommonTlsContext().getTlsCertificateSdsSecretConfigsList().stream().map(s -> s.getName()).toList(),
                        List.copyOf(t.getCommonTlsContext().getAlpnProtocolsList())));
    }

    public static boolean plaintext(FilterChain chain) {
        return of(chain).isEmpty();
    }

    /**
     * Null when a client presenting a certificate with URI SAN {@code clientSpiffeId} (null: no
     * certificate) completes the handshake, else the reason. The chain of trust is not checked here.
     */
    public String accepts(String clientSpiffeId) {
        if (clientSpiffeId == null) {
            return requireClientCertificate ? "the server requires a client certificate" : null;
        }
        return clientSans.accepts(clientSpiffeId, "client");
    }
}
