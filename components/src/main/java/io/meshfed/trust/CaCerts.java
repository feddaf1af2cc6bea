package io.meshfed.trust;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The four keys of one cluster's {@code istio-system/cacerts} Secret, as Istio's plugged-in CA
 * reads them.
 *
 * @param caCertPem    the cluster's intermediate CA certificate
 * @param caKeyPem     its private key (PKCS#8)
 * @param certChainPem intermediate followed by the root that signed it
 * @param rootCertPem  every root the cluster trusts (two during a root rotation)
 */
public record CaCerts(String caCertPem, SecretPem caKeyPem, String certChainPem, String rootCertPem) {
    public static final String SECRET_NAMESPACE = "istio-system";
    public static final String SECRET_NAME = "cacerts";
    public static final String CA_CERT_KEY = "ca-cert.pem";
    public static final String CA_KEY_KEY = "ca-key.pem";
    public static final String CERT_CHAIN_KEY = "cert-chain.pem";
    public static final String ROOT_CERT_KEY = "root-cert.pem";

    public CaCerts {
        Objects.requireNonNull(caCertPem, "caCertPem");
        Objects.requireNonNull(caKeyPem, "caKeyPem");
        Objects.requireNonNull(certChainPem, "certChainPem");
        Objects.requireNonNull(rootCertPem, "rootCertPem");
    }

    /**
     * The Secret's {@code stringData}, in a fixed order. It contains the private key in clear:
     * hand it only to something that stores it as a secret.
     */
    public Map<String, String> revealSecretData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(CA_CERT_KEY, caCertPem);
        data.put(CA_KEY_KEY, caKeyPem.reveal());
        data.put(CERT_CHAIN_KEY, certChainPem);
        data.put(ROOT_CERT_KEY, rootCertPem);
        return data;
    }

    @Override
    public String toString() {
        return "CaCerts[" + CA_CERT_KEY + "=" + certificates(caCertPem) + ", "
                + CA_KEY_KEY + "=" + caKeyPem + ", "
                + CERT_CHAIN_KEY + "=" + certificates(certChainPem) + ", "
                + ROOT_CERT_KEY + "=" + certificates(rootCertPem) + "]";
    }

    private static String certificates(String pem) {
        int count = Pem.countBlocks(pem);
        return count + (count == 1 ? " certificate" : " certificates");
    }
}
