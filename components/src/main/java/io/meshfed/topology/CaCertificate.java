package io.meshfed.topology;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A CA certificate as a reviewer sees it: subject, issuer, SHA-256 fingerprint of the DER encoding
 * (lowercase hex, as {@code meshfed certs} prints it) and validity.
 */
public record CaCertificate(String subject, String issuer, String fingerprintSha256, Instant notBefore, Instant notAfter) {

    /** The first 12 hex digits of the fingerprint, enough to tell CAs apart in a picture. */
    public String shortFingerprint() {
        return fingerprintSha256.substring(0, Math.min(12, fingerprintSha256.length()));
    }

    /** Every certificate of a PEM bundle, in order; an empty list when the text holds none. */
    public static List<CaCertificate> parseAll(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            return List.of();
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
                    .map(c -> of((X509Certificate) c))
                    .toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate bundle: " + e.getMessage(), e);
        }
    }

    static CaCertificate of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new CaCertificate(certificate.getSubjectX500Principal().getName(),
                    certificate.getIssuerX500Principal().getName(), HexFormat.of().formatHex(digest),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint " + certificate.getSubjectX500Principal(), e);
        }
    }
}
