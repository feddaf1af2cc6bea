package io.meshfed.trust;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/** Conversions to JCA types, through the JRE's own providers (no provider is registered). */
public final class Certificates {
    private Certificates() {
    }

    /** Every certificate of a PEM bundle, in order. */
    public static List<X509Certificate> parsePem(String pem) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
            return certificates;
        } catch (CertificateException unreadable) {
            throw new IllegalArgumentException("not a PEM certificate bundle: " + unreadable.getMessage(), unreadable);
        }
    }

    /** Parses a PKCS#8 PEM key (a "PRIVATE KEY" block) of the JCA algorithm "EC" or "RSA". */
    public static PrivateKey parsePrivateKey(SecretPem pem, String algorithm) {
        String body = pem.reveal()
                .replace("-----BEGIN " + Pem.PRIVATE_KEY + "-----", "")
                .replace("-----END " + Pem.PRIVATE_KEY + "-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            // No cause: its message could describe the key bytes.
            throw new IllegalArgumentException("not a PKCS#8 " + algorithm + " private key");
        }
    }

    public static String toPem(X509Certificate certificate) {
        try {
            return Pem.encode(Pem.CERTIFICATE, certificate.getEncoded());
        } catch (CertificateException unencodable) {
            throw new IllegalArgumentException("certificate cannot be encoded", unencodable);
        }
    }

    static X509Certificate toX509(X509CertificateHolder holder) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(CertificateAuthority.der(holder)));
        } catch (CertificateException impossible) {
            throw new IllegalStateException("the JRE cannot read a certificate meshfed built", impossible);
        }
    }
}
