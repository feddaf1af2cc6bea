package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.junit.jupiter.api.Test;

/** A root the user brings (PEM certificate and key) instead of a seed-derived one. */
class ProvidedRootTest {
    private static final TrustSeed SEED = TrustFixtures.seed("provided");
    private static final List<ClusterIdentity> CLUSTERS = TrustFixtures.clusters("cluster-a", "cluster-b");
    private static final Duration TTL = Duration.ofHours(1);

    @Test
    void intermediatesChainToAProvidedRsaRootAndWorkloadsHandshake() throws Exception {
        ProvidedRoot provided = ProvidedRoots.rsaRoot("Corp Root");
        MeshTrust trust = MeshTrust.issue(settings(provided), SEED, CLUSTERS);
        X509Certificate root = Certificates.parsePem(provided.certPem()).get(0);

        assertEquals(provided.certPem(), trust.rootCertPem());
        assertEquals(Certificates.parsePem(trust.rootCertPem()).get(0), root);
        X509Certificate intermediate = Certificates.parsePem(trust.caCerts("cluster-a").caCertPem()).get(0);
        intermediate.verify(root.getPublicKey());
        assertEquals("SHA256withRSA", intermediate.getSigAlgName());
        assertTrue(intermediate.getPublicKey() instanceof ECPublicKey, "intermediate keys follow keyAlgorithm");

        Instant now = Instant.now();
        WorkloadCertificate server = trust.issueWorkload("cluster-a", "default", "reviews", now, TTL);
        WorkloadCertificate client = trust.issueWorkload("cluster-b", "default", "productpage", now, TTL);
        LoopbackMtls.Outcome outcome = LoopbackMtls.exchange(
                server.sslContext(client.spiffeId()), client.sslContext(server.spiffeId()));
        assertTrue(outcome.succeeded(), () -> "handshake failed: " + outcome);
    }

    @Test
    void aProvidedRootGivesByteIdenticalPemsToo() {
        ProvidedRoot provided = ProvidedRoots.ecRoot("Corp Root");
        MeshTrust first = MeshTrust.issue(settings(provided), SEED, CLUSTERS);
        MeshTrust second = MeshTrust.issue(settings(provided), SEED, CLUSTERS);

        assertEquals(TrustDigest.of(first), TrustDigest.of(second));
        assertEquals(first.caCerts("cluster-b"), second.caCerts("cluster-b"));
    }

    @Test
    void aSec1EcPrivateKeyWithItsParametersBlockIsAccepted() throws Exception {
        KeyPair keys = ProvidedRoots.keyPair("EC");
        ProvidedRoot pkcs8 = ProvidedRoots.root(keys, "Corp Root", new BasicConstraints(true),
                ProvidedRoots.validFrom(), ProvidedRoots.VALIDITY, null);
        // What `openssl ecparam -name prime256v1 -genkey` writes: EC PARAMETERS, then EC PRIVATE KEY.
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                ((ECPrivateKey) keys.getPrivate()).getS(),
                new DERBitString(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                        keys.getPublic().getEncoded()).getPublicKeyData().getBytes()),
                SECObjectIdentifiers.secp256r1);
        String keyPem = Pem.encode("EC PARAMETERS", SECObjectIdentifiers.secp256r1.getEncoded())
                + Pem.encode("EC PRIVATE KEY", sec1.getEncoded());

        MeshTrust trust = MeshTrust.issue(settings(new ProvidedRoot(pkcs8.certPem(), new SecretPem(keyPem))), SEED, CLUSTERS);

        Certificates.parsePem(trust.caCerts("cluster-a").caCertPem()).get(0)
                .verify(Certificates.parsePem(pkcs8.certPem()).get(0).getPublicKey());
    }

    @Test
    void intermediatesDoNotOutliveTheProvidedRoot() {
        Instant from = ProvidedRoots.validFrom();
        ProvidedRoot shortRoot = ProvidedRoots.root(ProvidedRoots.keyPair("EC"), "Short Root", new BasicConstraints(true),
                from, Duration.ofDays(90), null);
        MeshTrust trust = MeshTrust.issue(settings(shortRoot), SEED, CLUSTERS);

        X509Certificate intermediate = Certificates.parsePem(trust.caCerts("cluster-a").caCertPem()).get(0);
        assertEquals(from.plus(Duration.ofDays(90)), intermediate.getNotAfter().toInstant());
    }

    @Test
    void aKeyOfAnotherCertificateIsRejected() {
        ProvidedRoot root = ProvidedRoots.ecRoot("Corp Root");
        ProvidedRoot other = ProvidedRoots.ecRoot("Other Root");
        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
                () -> MeshTrust.issue(settings(new ProvidedRoot(root.certPem(), other.keyPem())), SEED, CLUSTERS));
        assertTrue(rejected.getMessage().contains("does not belong"), rejected.getMessage());
    }

    @Test
    void aCertificateThatCannotSignIntermediatesIsRejected() {
        KeyPair keys = ProvidedRoots.keyPair("EC");
        Instant from = ProvidedRoots.validFrom();
        ProvidedRoot notCa = ProvidedRoots.root(keys, "Leaf", new BasicConstraints(false), from, ProvidedRoots.VALIDITY, null);
        ProvidedRoot pathLenZero = ProvidedRoots.root(keys, "Tight", new BasicConstraints(0), from, ProvidedRoots.VALIDITY, null);
        ProvidedRoot notSelfSigned = ProvidedRoots.root(keys, "Sub CA", new BasicConstraints(true), from,
                ProvidedRoots.VALIDITY, ProvidedRoots.keyPair("EC"));

        assertRejected(notCa, "not a CA");
        assertRejected(pathLenZero, "pathlen:0");
        assertRejected(notSelfSigned, "not self-signed");
    }

    @Test
    void encryptedKeysAndUnsupportedCurvesAreRejected() throws Exception {
        ProvidedRoot root = ProvidedRoots.ecRoot("Corp Root");
        EncryptedPrivateKeyInfo encrypted = new EncryptedPrivateKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                        new PKCS12PBEParams(new byte[8], 2048)), new byte[64]);
        assertRejected(new ProvidedRoot(root.certPem(), new SecretPem(Pem.encode("ENCRYPTED PRIVATE KEY", encrypted.getEncoded()))),
                "encrypted");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp521r1"));
        KeyPair p521 = generator.generateKeyPair();
        ProvidedRoot onP521 = ProvidedRoots.root(p521, "P521 Root", new BasicConstraints(true),
                ProvidedRoots.validFrom(), ProvidedRoots.VALIDITY, null);
        assertRejected(onP521, "P-256 or P-384");
    }

    @Test
    void aProvidedRootCannotBeRotatedThroughSeedPhases() {
        ProvidedRoot root = ProvidedRoots.ecRoot("Corp Root");
        assertThrows(IllegalArgumentException.class,
                () -> settings(root).withRootRotation(1, RootRotationPhase.TRUST_BOTH));
    }

    private static void assertRejected(ProvidedRoot provided, String reason) {
        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
                () -> MeshTrust.issue(settings(provided), SEED, CLUSTERS));
        assertTrue(rejected.getMessage().contains(reason), () -> "expected \"" + reason + "\" in: " + rejected.getMessage());
    }

    private static TrustSettings settings(ProvidedRoot provided) {
        return TrustFixtures.currentSettings(KeyAlgorithm.EC_P256).withProvidedRoot(provided);
    }
}
