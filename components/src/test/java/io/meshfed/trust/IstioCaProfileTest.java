package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cacerts of every key algorithm meet what istiod's plugged-in CA checks. */
class IstioCaProfileTest {
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final int KEY_CERT_SIGN = 5;
    private static final int DNS_NAME = 2;

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void cacertsFollowIstiosPluggedInCaProfile(KeyAlgorithm algorithm) throws Exception {
        TrustSettings settings = TrustFixtures.fixedSettings(algorithm).withOrganization("Example Corp");
        MeshTrust trust = MeshTrust.issue(settings, TrustFixtures.seed("profile"), TrustFixtures.clusters("cluster-a"));
        CaCerts caCerts = trust.caCerts("cluster-a");
        X509Certificate intermediate = Certificates.parsePem(caCerts.caCertPem()).get(0);
        List<X509Certificate> roots = Certificates.parsePem(caCerts.rootCertPem());
        X509Certificate root = roots.get(0);

        assertEquals(1, roots.size());
        assertEquals(List.of(intermediate, root), Certificates.parsePem(caCerts.certChainPem()));
        intermediate.verify(root.getPublicKey());
        root.verify(root.getPublicKey());

        assertEquals(0, intermediate.getBasicConstraints(), "CA:true, pathlen:0");
        assertEquals(Integer.MAX_VALUE, root.getBasicConstraints(), "CA:true without a path length");
        for (X509Certificate ca : List.of(root, intermediate)) {
            assertTrue(ca.getCriticalExtensionOIDs().containsAll(List.of(BASIC_CONSTRAINTS, KEY_USAGE)));
            assertTrue(ca.getKeyUsage()[KEY_CERT_SIGN], "keyCertSign");
            assertNull(ca.getExtendedKeyUsage(), "no EKU on CA certificates");
            assertTrue(ca.getSerialNumber().signum() > 0);
            assertTrue(ca.getSerialNumber().bitLength() <= 159, "at most 20 DER octets");
        }
        assertEquals(new X500Principal("L=cluster-a, CN=Intermediate CA, O=Example Corp"),
                intermediate.getSubjectX500Principal());
        assertEquals(new X500Principal("CN=Root CA, OU=root epoch 0, O=Example Corp"), root.getSubjectX500Principal());
        assertEquals(List.of(List.of(DNS_NAME, "istiod.istio-system.svc")),
                intermediate.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
        assertArrayEquals(keyIdentifier(root.getExtensionValue("2.5.29.14")),
                AuthorityKeyIdentifier.getInstance(unwrap(intermediate.getExtensionValue("2.5.29.35"))).getKeyIdentifierOctets());

        assertKeyType(algorithm, intermediate);
        assertKeyType(algorithm, root);
        assertKeyMatchesCertificate(caCerts.caKeyPem(), intermediate);
        assertEquals(algorithm.isEc(), trust.workloadsNeedEcdsa());
    }

    private static void assertKeyType(KeyAlgorithm algorithm, X509Certificate certificate) throws Exception {
        if (algorithm.isEc()) {
            ECPublicKey key = (ECPublicKey) certificate.getPublicKey();
            assertEquals(algorithm.bits(), key.getParams().getCurve().getField().getFieldSize());
            // Named curve: the SPKI carries the curve OID, not explicit parameters.
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            assertTrue(spki.getAlgorithm().getParameters().toASN1Primitive()
                    instanceof org.bouncycastle.asn1.ASN1ObjectIdentifier);
            assertTrue(certificate.getSigAlgName().toUpperCase().contains("ECDSA"), certificate.getSigAlgName());
        } else {
            RSAPublicKey key = (RSAPublicKey) certificate.getPublicKey();
            assertEquals(algorithm.bits(), key.getModulus().bitLength());
            assertEquals("SHA256withRSA", certificate.getSigAlgName());
        }
    }

    private static void assertKeyMatchesCertificate(SecretPem keyPem, X509Certificate certificate) throws Exception {
        String jcaAlgorithm = certificate.getPublicKey().getAlgorithm();
        PrivateKey key = Certificates.parsePrivateKey(keyPem, jcaAlgorithm);
        String signatureAlgorithm = jcaAlgorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] message = "istiod signs workload CSRs".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(signatureAlgorithm);
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(signatureAlgorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        assertTrue(verifier.verify(signature), "ca-key.pem must be the key of ca-cert.pem");
        byte[] tampered = Arrays.copyOf(message, message.length);
        tampered[0] ^= 1;
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(tampered);
        assertTrue(!verifier.verify(signature), "a verifier that accepts anything proves nothing");
    }

    private static byte[] keyIdentifier(byte[] subjectKeyIdentifierExtension) throws Exception {
        return ASN1OctetString.getInstance(unwrap(subjectKeyIdentifierExtension)).getOctets();
    }

    private static ASN1Primitive unwrap(byte[] extensionValue) throws Exception {
        return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extensionValue).getOctets());
    }
}
