package io.meshfed.trust;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A workload identity as istiod would issue it, ready for TLS.
 *
 * @param spiffeId    the URI SAN of {@code certificate}
 * @param certificate the leaf
 * @param privateKey  the leaf's key (never printed)
 * @param chain       the certificates sent after the leaf: the issuing intermediate, then its root
 * @param trustBundle the roots the workload's cluster trusts ({@code root-cert.pem})
 */
public record WorkloadCertificate(String spiffeId, X509Certificate certificate, PrivateKey privateKey,
        List<X509Certificate> chain, List<X509Certificate> trustBundle) {

    public WorkloadCertificate {
        Objects.requireNonNull(spiffeId, "spiffeId");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        trustBundle = List.copyOf(trustBundle);
        if (trustBundle.isEmpty()) {
            throw new IllegalArgumentException("trustBundle: at least one root");
        }
    }

    /** Leaf first, then {@link #chain()}: what the workload presents in a handshake. */
    public List<X509Certificate> certificateChain() {
        List<X509Certificate> all = new ArrayList<>(chain.size() + 1);
        all.add(certificate);
        all.addAll(chain);
        return List.copyOf(all);
    }

    public String certificatePem() {
        return Certificates.toPem(certificate);
    }

    public SecretPem privateKeyPem() {
        return new SecretPem(Pem.encode(Pem.PRIVATE_KEY, privateKey.getEncoded()));
    }

    /** An mTLS context presenting this identity, trusting {@link #trustBundle()}, accepting only the given peer. */
    public SSLContext sslContext(String expectedPeerSpiffeId) {
        return SpiffeTls.sslContext(this, expectedPeerSpiffeId);
    }

    @Override
    public String toString() {
        return "WorkloadCertificate[" + spiffeId + ", notAfter=" + certificate.getNotAfter().toInstant()
                + ", privateKey=<redacted>]";
    }
}
