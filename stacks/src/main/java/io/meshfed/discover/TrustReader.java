package io.meshfed.discover;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshfed.discover.ClusterReport.RootOfTrust;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The cluster's root of trust: the first certificate of {@code root-cert.pem} in Secret
 * istio-system/cacerts (plugged-in CA), else of ConfigMap istio-system/istio-ca-root-cert (the root
 * istiod distributes, self-signed when no CA is plugged in). Only the certificate is read, never keys.
 */
final class TrustReader {

    static final String CACERTS = "cacerts";
    static final String ROOT_CONFIG_MAP = "istio-ca-root-cert";
    static final String ROOT_KEY = "root-cert.pem";

    private final KubernetesClient client;

    TrustReader(KubernetesClient client) {
        this.client = client;
    }

    RootOfTrust root() {
        Secret cacerts = client.secrets().inNamespace(IstioReader.ISTIO_SYSTEM).withName(CACERTS).get();
        if (cacerts != null) {
            String pem = cacerts.getData() == null || cacerts.getData().get(ROOT_KEY) == null ? null
                    : new String(Base64.getMimeDecoder().decode(cacerts.getData().get(ROOT_KEY)), StandardCharsets.UTF_8);
            if (pem == null && cacerts.getStringData() != null) {
                pem = cacerts.getStringData().get(ROOT_KEY);
            }
            return new RootOfTrust("Secret istio-system/cacerts", fingerprint(pem));
        }
        ConfigMap distributed = client.configMaps().inNamespace(IstioReader.ISTIO_SYSTEM).withName(ROOT_CONFIG_MAP).get();
        if (distributed != null && distributed.getData() != null && distributed.getData().get(ROOT_KEY) != null) {
            return new RootOfTrust("ConfigMap istio-system/istio-ca-root-cert (no cacerts: istiod's own root)",
                    fingerprint(distributed.getData().get(ROOT_KEY)));
        }
        return new RootOfTrust(null, null);
    }

    /** SHA-256 of the DER of the first certificate in the PEM text, lowercase hex; null when none parses. */
    static String fingerprint(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            return null;
        }
        try {
            X509Certificate first = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----")).getBytes(StandardCharsets.US_ASCII)));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first.getEncoded()));
        } catch (CertificateException | NoSuchAlgorithmException unreadable) {
            return null;
        }
    }
}
