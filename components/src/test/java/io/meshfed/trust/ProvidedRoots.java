package io.meshfed.trust;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Roots "brought by the user", made the way a corporate PKI tool would, with the JCA. */
final class ProvidedRoots {
    static final Duration VALIDITY = Duration.ofDays(3650);

    private ProvidedRoots() {
    }

    static ProvidedRoot ecRoot(String commonName) {
        return root(keyPair("EC"), commonName, new BasicConstraints(true), validFrom(), VALIDITY, null);
    }

    static ProvidedRoot rsaRoot(String commonName) {
        return root(keyPair("RSA"), commonName, new BasicConstraints(true), validFrom(), VALIDITY, null);
    }

    static KeyPair keyPair(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }

    static Instant validFrom() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
    }

    /**
     * A certificate for {@code keys} named {@code CN=commonName, O=Corp}, signed by {@code signer}
     * (itself when null).
     */
    static ProvidedRoot root(KeyPair keys, String commonName, BasicConstraints constraints, Instant from,
            Duration validity, KeyPair signer) {
        try {
            X500Name subject = new X500Name("CN=" + commonName + ",O=Corp");
            X500Name issuer = signer == null ? subject : new X500Name("CN=Corp Parent,O=Corp");
            PrivateKey signingKey = signer == null ? keys.getPrivate() : signer.getPrivate();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(4242),
                    Date.from(from), Date.from(from.plus(validity)), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, constraints);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            String algorithm = signingKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            X509CertificateHolder certificate = builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey));
            return new ProvidedRoot(Pem.encode(Pem.CERTIFICATE, certificate.getEncoded()),
                    new SecretPem(Pem.encode(Pem.PRIVATE_KEY, keys.getPrivate().getEncoded())));
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }
}
