package io.meshfed.trust;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A cluster's istiod as a plugged-in CA: built from nothing but the four files of its
 * {@code istio-system/cacerts} Secret, as Istio reads them at start-up. It refuses (as istiod
 * does) a {@code ca-key.pem} that does not belong to {@code ca-cert.pem}; it signs workload
 * certificates with that key and sends {@code cert-chain.pem} after the leaf; workloads trust
 * {@code root-cert.pem}.
 */
public final class IstiodCa {
    private final CertificateAuthority ca;
    private final List<X509Certificate> chain;
    private final List<X509Certificate> roots;

    private IstiodCa(CertificateAuthority ca, List<X509Certificate> chain, List<X509Certificate> roots) {
        this.ca = ca;
        this.chain = List.copyOf(chain);
        this.roots = List.copyOf(roots);
    }

    /**
     * Reads a {@code cacerts} Secret's data ({@link CaCerts#CA_CERT_KEY} … {@link CaCerts#ROOT_CERT_KEY}).
     *
     * @throws IllegalArgumentException naming the file when one is missing or unusable
     */
    public static IstiodCa fromSecretData(Map<String, String> files) {
        X509CertificateHolder certificate = Pem.readCertificates(require(files, CaCerts.CA_CERT_KEY), CaCerts.CA_CERT_KEY).get(0);
        CaKeyPair keys = ProvidedRootLoader.keyPair(
                ProvidedRootLoader.readPrivateKey(new SecretPem(require(files, CaCerts.CA_KEY_KEY)), CaCerts.CA_KEY_KEY),
                CaCerts.CA_KEY_KEY);
        if (!ProvidedRootLoader.samePublicKey(keys.publicKey(), certificate.getSubjectPublicKeyInfo())) {
            throw new IllegalArgumentException(CaCerts.CA_KEY_KEY + ": the key does not belong to " + CaCerts.CA_CERT_KEY
                    + " (" + certificate.getSubject() + ")");
        }
        List<X509Certificate> chain = Certificates.parsePem(require(files, CaCerts.CERT_CHAIN_KEY));
        List<X509Certificate> roots = Certificates.parsePem(require(files, CaCerts.ROOT_CERT_KEY));
        if (chain.isEmpty() || roots.isEmpty()) {
            throw new IllegalArgumentException((chain.isEmpty() ? CaCerts.CERT_CHAIN_KEY : CaCerts.ROOT_CERT_KEY) + ": no certificate");
        }
        return new IstiodCa(new CertificateAuthority(certificate, keys), chain, roots);
    }

    private static String require(Map<String, String> files, String key) {
        String value = files.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": missing from the cacerts Secret");
        }
        return value;
    }

    /** The roots workloads of this cluster trust ({@code root-cert.pem}). */
    public List<X509Certificate> trustBundle() {
        return roots;
    }

    /** The subject of {@code ca-cert.pem}. */
    public String subject() {
        return ca.subject().toString();
    }

    /**
     * A workload certificate for {@code spiffe://<trustDomain>/ns/<namespace>/sa/<serviceAccount>},
     * with an ECDSA P-256 key when {@code ecdsa} (istiod's {@code ECC_SIGNATURE_ALGORITHM=ECDSA}),
     * else RSA 2048.
     */
    public WorkloadCertificate issue(String trustDomain, String namespace, String serviceAccount, boolean ecdsa,
            Instant now, Duration ttl) {
        return WorkloadIssuer.issue(ca, chain, roots, SpiffeIds.of(trustDomain, namespace, serviceAccount), ecdsa, now, ttl);
    }
}
