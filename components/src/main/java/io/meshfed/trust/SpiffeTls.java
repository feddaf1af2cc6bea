package io.meshfed.trust;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * JSSE mTLS the way two Istio sidecars do it: each side presents its workload certificate and
 * chain, verifies the other's chain against its cluster's root bundle, then checks the peer's
 * SPIFFE ID. No hostname verification; the SPIFFE ID is the identity. Failures surface from the
 * handshake as {@link javax.net.ssl.SSLHandshakeException}s whose causes say why (for example a
 * {@link SpiffeIdRejectedException} or a {@link java.security.cert.CertPathValidatorException}).
 */
public final class SpiffeTls {
    public static final String PROTOCOL = "TLSv1.3";

    private SpiffeTls() {
    }

    public static SSLContext sslContext(WorkloadCertificate identity, String expectedPeerSpiffeId) {
        return sslContext(identity, identity.trustBundle(), AcceptedPeers.exactly(Set.of(expectedPeerSpiffeId)));
    }

    public static SSLContext sslContext(WorkloadCertificate identity, List<X509Certificate> trustBundle,
            AcceptedPeers acceptedPeers) {
        try {
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(new KeyManager[] {keyManager(identity)},
                    new TrustManager[] {trustManager(trustBundle, acceptedPeers)}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(PROTOCOL + " is not available in this JRE", unavailable);
        }
    }

    public static X509ExtendedKeyManager keyManager(WorkloadCertificate identity) {
        return new WorkloadKeyManager(identity);
    }

    public static X509ExtendedTrustManager trustManager(List<X509Certificate> trustBundle,
            AcceptedPeers acceptedPeers) {
        return new SpiffeTrustManager(trustBundle, acceptedPeers);
    }
}
