package io.meshfed.trust;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * Signs workload certificates the way istiod does for a CSR: empty subject, critical URI SAN with
 * the SPIFFE ID, key usage digitalSignature|keyEncipherment, EKU serverAuth+clientAuth, NotAfter
 * clamped to the CA's. The leaf key is fresh and random (ECDSA P-256 when the CA key is EC, as
 * with {@code ECC_SIGNATURE_ALGORITHM=ECDSA}; RSA 2048 otherwise, Istio's default).
 */
final class WorkloadIssuer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkloadIssuer() {
    }

    static WorkloadCertificate issue(CertificateAuthority intermediate, CertificateAuthority signingRoot,
            List<X509Certificate> trustBundle, String spiffeId, boolean ecdsa, Instant now, Duration ttl) {
        return issue(intermediate, List.of(Certificates.toX509(intermediate.certificate()),
                Certificates.toX509(signingRoot.certificate())), trustBundle, spiffeId, ecdsa, now, ttl);
    }

    /** As above, sending {@code chain} (for istiod: its {@code cert-chain.pem}) after the leaf. */
    static WorkloadCertificate issue(CertificateAuthority intermediate, List<X509Certificate> chain,
            List<X509Certificate> trustBundle, String spiffeId, boolean ecdsa, Instant now, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl: must be positive, got " + ttl);
        }
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        ValidityWindow ca = intermediate.validity();
        if (!notBefore.isBefore(ca.notAfter())) {
            throw new IllegalStateException("intermediate " + intermediate.subject() + " expired at " + ca.notAfter()
                    + "; cannot sign for " + spiffeId + " at " + now);
        }
        Instant requested = notBefore.plus(ttl);
        Instant notAfter = requested.isAfter(ca.notAfter()) ? ca.notAfter() : requested;

        KeyPair leafKeys = freshKeyPair(ecdsa);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(intermediate.subject(), randomSerial(),
                CertificateTimes.encode(notBefore), CertificateTimes.encode(notAfter), new X500Name(new RDN[0]),
                SubjectPublicKeyInfo.getInstance(leafKeys.getPublic().getEncoded()));
        try {
            builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new AuthorityKeyIdentifier(intermediate.subjectKeyIdentifier().getKeyIdentifier()))
                    // Critical because the subject is empty (RFC 5280 4.2.1.6).
                    .addExtension(Extension.subjectAlternativeName, true,
                            new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, spiffeId)));
        } catch (CertIOException impossible) {
            throw new IllegalStateException("encoding a workload certificate extension failed", impossible);
        }
        X509Certificate leaf = Certificates.toX509(builder.build(intermediate.keys().signer()));
        return new WorkloadCertificate(spiffeId, leaf, leafKeys.getPrivate(), chain, trustBundle);
    }

    private static KeyPair freshKeyPair(boolean ecdsa) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ecdsa ? "EC" : "RSA");
            if (ecdsa) {
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            } else {
                generator.initialize(2048, RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("the JRE cannot generate a workload key", unavailable);
        }
    }

    private static BigInteger randomSerial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }
}
