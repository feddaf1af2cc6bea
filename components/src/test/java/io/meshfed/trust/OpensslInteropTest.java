package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rendered cacerts PEMs, checked by openssl rather than by the code that wrote them. */
class OpensslInteropTest {
    @TempDir
    Path dir;

    @BeforeEach
    void requireOpenssl() {
        assumeTrue(Openssl.available(), "openssl is not on PATH, so the openssl cross-check cannot run");
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_3072"})
    void opensslVerifiesTheCacertsChainsAndSeesTheCaExtensions(KeyAlgorithm algorithm) throws Exception {
        MeshTrust trust = MeshTrust.issue(TrustFixtures.currentSettings(algorithm), TrustFixtures.seed("openssl"),
                TrustFixtures.clusters("cluster-a"));
        write(trust.caCerts("cluster-a"));
        WorkloadCertificate leaf = trust.issueWorkload("cluster-a", "default", "reviews", Instant.now(), Duration.ofHours(1));
        Files.writeString(dir.resolve("leaf.pem"), leaf.certificatePem());

        assertOk(Openssl.run(dir, "verify", "-x509_strict", "-CAfile", "root-cert.pem", "ca-cert.pem"), "ca-cert.pem: OK");
        assertOk(Openssl.run(dir, "verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", "root-cert.pem",
                "-untrusted", "ca-cert.pem", "leaf.pem"), "leaf.pem: OK");
        assertOk(Openssl.run(dir, "verify", "-x509_strict", "-purpose", "sslclient", "-CAfile", "root-cert.pem",
                "-untrusted", "cert-chain.pem", "leaf.pem"), "leaf.pem: OK");

        String intermediate = text("ca-cert.pem");
        assertContains(intermediate, "X509v3 Basic Constraints: critical");
        assertContains(intermediate, "CA:TRUE, pathlen:0");
        assertContains(intermediate, "X509v3 Key Usage: critical");
        assertContains(intermediate, "Certificate Sign");
        assertContains(intermediate, "DNS:istiod.istio-system.svc");
        assertContains(intermediate, "Subject: O = meshfed, CN = Intermediate CA, L = cluster-a");
        assertFalse(intermediate.contains("Extended Key Usage"), "CA certificates carry no EKU");

        String root = text("root-cert.pem");
        assertContains(root, "X509v3 Basic Constraints: critical");
        assertContains(root, "CA:TRUE");
        assertContains(root, "Certificate Sign");
        assertContains(root, "Subject: O = meshfed, OU = root epoch 0, CN = Root CA");

        String workload = text("leaf.pem");
        assertContains(workload, "X509v3 Subject Alternative Name: critical");
        assertContains(workload, "URI:spiffe://cluster-a.local/ns/default/sa/reviews");
        assertContains(workload, "TLS Web Server Authentication, TLS Web Client Authentication");
        assertContains(workload, "Digital Signature, Key Encipherment");
    }

    @Test
    void caKeyPemIsThePrivateKeyOfCaCertPem() throws Exception {
        MeshTrust trust = MeshTrust.issue(TrustFixtures.currentSettings(KeyAlgorithm.EC_P256),
                TrustFixtures.seed("openssl"), TrustFixtures.clusters("cluster-a"));
        write(trust.caCerts("cluster-a"));

        Openssl.Result fromKey = Openssl.run(dir, "pkey", "-in", "ca-key.pem", "-pubout");
        Openssl.Result fromCert = Openssl.run(dir, "x509", "-in", "ca-cert.pem", "-noout", "-pubkey");
        assertEquals(0, fromKey.exitCode(), fromKey.output());
        assertEquals(0, fromCert.exitCode(), fromCert.output());
        assertTrue(fromKey.output().contains("BEGIN PUBLIC KEY"), fromKey.output());
        assertEquals(fromCert.output(), fromKey.output());
    }

    @Test
    void opensslRejectsAnIntermediateFromAnotherSeed() throws Exception {
        TrustSettings settings = TrustFixtures.currentSettings(KeyAlgorithm.EC_P256);
        MeshTrust ours = MeshTrust.issue(settings, TrustFixtures.seed("openssl"), TrustFixtures.clusters("cluster-a"));
        MeshTrust theirs = MeshTrust.issue(settings, TrustFixtures.seed("other"), TrustFixtures.clusters("cluster-a"));
        Files.writeString(dir.resolve("root-cert.pem"), ours.rootCertPem());
        Files.writeString(dir.resolve("ca-cert.pem"), theirs.caCerts("cluster-a").caCertPem());

        Openssl.Result result = Openssl.run(dir, "verify", "-CAfile", "root-cert.pem", "ca-cert.pem");

        assertNotEquals(0, result.exitCode(), result.output());
    }

    @Test
    void opensslVerifiesBothChainsAgainstTheRotationBundle() throws Exception {
        TrustSettings rotating = TrustFixtures.currentSettings(KeyAlgorithm.EC_P256).withRootRotation(1, RootRotationPhase.TRUST_BOTH);
        TrustSeed seed = TrustFixtures.seed("openssl");
        MeshTrust trustBoth = MeshTrust.issue(rotating, seed, TrustFixtures.clusters("cluster-a"));
        MeshTrust switched = MeshTrust.issue(rotating.withRootRotation(1, RootRotationPhase.SWITCHED), seed,
                TrustFixtures.clusters("cluster-a"));
        Files.writeString(dir.resolve("root-cert.pem"), trustBoth.rootCertPem());
        Files.writeString(dir.resolve("old.pem"), trustBoth.caCerts("cluster-a").caCertPem());
        Files.writeString(dir.resolve("new.pem"), switched.caCerts("cluster-a").caCertPem());

        assertOk(Openssl.run(dir, "verify", "-x509_strict", "-CAfile", "root-cert.pem", "old.pem"), "old.pem: OK");
        assertOk(Openssl.run(dir, "verify", "-x509_strict", "-CAfile", "root-cert.pem", "new.pem"), "new.pem: OK");
        assertNotEquals(text("old.pem"), text("new.pem"));
    }

    private void write(CaCerts caCerts) throws Exception {
        for (Map.Entry<String, String> entry : caCerts.revealSecretData().entrySet()) {
            Files.writeString(dir.resolve(entry.getKey()), entry.getValue());
        }
    }

    private String text(String file) throws Exception {
        Openssl.Result result = Openssl.run(dir, "x509", "-in", file, "-noout", "-text");
        assertEquals(0, result.exitCode(), result.output());
        return result.output();
    }

    private static void assertOk(Openssl.Result result, String expectedLine) {
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(expectedLine), result.output());
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "expected \"" + expected + "\" in:\n" + text);
    }
}
