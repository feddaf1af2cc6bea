package io.meshfed.scenarios.controlplane;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The PKI one local API server needs, generated at start into its folder: a CA, the serving
 * certificate (127.0.0.1, localhost and the in-cluster names), an admin client certificate in
 * {@code system:masters}, and the service-account signing key. Throwaway material of a test cluster,
 * never a mesh's trust (that comes from {@code pulumi up}'s {@code cacerts}).
 */
record ApiServerCertificates(Path caCert, Path servingCert, Path servingKey, Path adminCert, Path adminKey,
                             Path serviceAccountKey, Path serviceAccountPublicKey) {

    static ApiServerCertificates generate(Path dir) {
        try {
            Files.createDirectories(dir);
            KeyPair caKeys = ecKeys();
            X500Name caName = new X500Name("CN=meshfed-local-apiserver-ca");
            X509CertificateHolder ca = sign(caName, caKeys.getPublic(), caName, caKeys, true, null, null);
            KeyPair serving = ecKeys();
            GeneralNames sans = new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.dNSName, "kubernetes.default.svc"),
                new GeneralName(GeneralName.dNSName, "kubernetes.default.svc.cluster.local")});
            X509CertificateHolder server = sign(new X500Name("CN=kube-apiserver"), serving.getPublic(), caName, caKeys, false, sans,
                    KeyPurposeId.id_kp_serverAuth);
            KeyPair admin = rsaKeys(); // fabric8 reads kubeconfig client keys as RSA unless told otherwise
            X509CertificateHolder client = sign(new X500Name("O=system:masters,CN=meshfed-admin"), admin.getPublic(), caName, caKeys,
                    false, null, KeyPurposeId.id_kp_clientAuth);
            KeyPair sa = ecKeys();
            ApiServerCertificates files = new ApiServerCertificates(dir.resolve("ca.crt"), dir.resolve("apiserver.crt"),
                    dir.resolve("apiserver.key"), dir.resolve("admin.crt"), dir.resolve("admin.key"), dir.resolve("sa.key"),
                    dir.resolve("sa.pub"));
            Files.writeString(files.caCert(), pem(ca));
            Files.writeString(files.servingCert(), pem(server));
            Files.writeString(files.servingKey(), pem(serving.getPrivate()));
            Files.writeString(files.adminCert(), pem(client));
            Files.writeString(files.adminKey(), pem(admin.getPrivate()));
            Files.writeString(files.serviceAccountKey(), pem(sa.getPrivate()));
            Files.writeString(files.serviceAccountPublicKey(), pem(sa.getPublic()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the API server's certificates", e);
        }
    }

    /** A P-256 key pair. */
    static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static KeyPair rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509CertificateHolder sign(X500Name subject, java.security.PublicKey key, X500Name issuer, KeyPair issuerKeys,
                                              boolean ca, GeneralNames sans, KeyPurposeId purpose)
            throws IOException, org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new java.security.SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject, key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        if (sans != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, sans);
        }
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate()));
    }

    private static String pem(java.security.PrivateKey key) throws IOException {
        return pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
    }

    /** PEM of a certificate, key or certification request, as Bouncy Castle writes it. */
    static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(o);
        }
        return out.toString();
    }
}
