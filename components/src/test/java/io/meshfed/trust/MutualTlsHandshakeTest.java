package io.meshfed.trust;

import static io.meshfed.trust.LoopbackMtls.causeOfType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertPathValidatorException;
import java.security.cert.PKIXReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real JSSE TLS 1.3 mTLS on loopback between workloads of two clusters. */
class MutualTlsHandshakeTest {
    private static final Duration TTL = Duration.ofHours(1);

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_3072"})
    void workloadsOfTwoClustersUnderOneRootCompleteMtlsAndSeeEachOthersSpiffeId(KeyAlgorithm algorithm) throws Exception {
        MeshTrust trust = MeshTrust.issue(TrustFixtures.currentSettings(algorithm), TrustFixtures.seed("shared"),
                TrustFixtures.clusters("cluster-a", "cluster-b"));
        Instant now = Instant.now();
        WorkloadCertificate reviews = trust.issueWorkload("cluster-a", "default", "reviews", now, TTL);
        WorkloadCertificate productpage = trust.issueWorkload("cluster-b", "default", "productpage", now, TTL);
        assertNotEquals(reviews.chain().get(0), productpage.chain().get(0), "each cluster has its own intermediate");

        LoopbackMtls.Outcome outcome = LoopbackMtls.exchange(
                reviews.sslContext(productpage.spiffeId()), productpage.sslContext(reviews.spiffeId()));

        assertTrue(outcome.succeeded(), () -> "handshake failed: " + outcome);
        assertEquals("spiffe://cluster-b.local/ns/default/sa/productpage", outcome.serverSawPeer());
        assertEquals("spiffe://cluster-a.local/ns/default/sa/reviews", outcome.clientSawPeer());
    }

    @Test
    void clustersWithSeparateRootsCannotHandshake() throws Exception {
        TrustSettings settings = TrustFixtures.currentSettings(KeyAlgorithm.EC_P256);
        MeshTrust meshA = MeshTrust.issue(settings, TrustFixtures.seed("mesh-a"), TrustFixtures.clusters("cluster-a"));
        MeshTrust meshB = MeshTrust.issue(settings, TrustFixtures.seed("mesh-b"), TrustFixtures.clusters("cluster-b"));
        Instant now = Instant.now();
        WorkloadCertificate server = meshA.issueWorkload("cluster-a", "default", "reviews", now, TTL);
        WorkloadCertificate client = meshB.issueWorkload("cluster-b", "default", "productpage", now, TTL);

        LoopbackMtls.Outcome outcome = LoopbackMtls.exchange(
                server.sslContext(client.spiffeId()), client.sslContext(server.spiffeId()));

        assertTrue(outcome.bothFailed(), () -> "expected both sides to fail: " + outcome);
        CertPathValidatorException rejection = causeOfType(outcome.clientFailure(), CertPathValidatorException.class);
        assertNotNull(rejection, () -> "client should reject the server's chain: " + outcome.clientFailure());
        // Both roots are named "O=meshfed, OU=root epoch 0, CN=Root CA": PKIX finds the name-matching
        // anchor and rejects the signature; with distinct names it finds no anchor at all.
        assertTrue(Set.of(PKIXReason.NO_TRUST_ANCHOR, CertPathValidatorException.BasicReason.INVALID_SIGNATURE)
                .contains(rejection.getReason()), () -> "unexpected reason " + rejection.getReason());
    }

    @Test
    void anExpiredIntermediateFailsTheHandshakeEvenWithAValidLeaf() throws Exception {
        TrustSeed seed = TrustFixtures.seed("expiry");
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(30));
        TrustSettings longLived = TrustSettings.defaults(start);
        // Same seed, root and intermediate keys; only the intermediate's validity differs.
        TrustSettings shortLived = longLived.withValidity(longLived.rootValidity(), Duration.ofDays(1));
        MeshTrust current = MeshTrust.issue(longLived, seed, TrustFixtures.clusters("cluster-a", "cluster-b"));
        MeshTrust expired = MeshTrust.issue(shortLived, seed, TrustFixtures.clusters("cluster-a", "cluster-b"));
        assertEquals(current.rootCertPem(), expired.rootCertPem());

        Instant now = Instant.now();
        WorkloadCertificate server = current.issueWorkload("cluster-a", "default", "reviews", now, TTL);
        WorkloadCertificate client = current.issueWorkload("cluster-b", "default", "productpage", now, TTL);
        WorkloadCertificate clientWithExpiredIntermediate = new WorkloadCertificate(client.spiffeId(),
                client.certificate(), client.privateKey(),
                Certificates.parsePem(expired.caCerts("cluster-b").certChainPem()), client.trustBundle());

        LoopbackMtls.Outcome control = LoopbackMtls.exchange(
                server.sslContext(client.spiffeId()), client.sslContext(server.spiffeId()));
        assertTrue(control.succeeded(), () -> "with the valid intermediate the handshake must pass: " + control);

        LoopbackMtls.Outcome outcome = LoopbackMtls.exchange(server.sslContext(client.spiffeId()),
                clientWithExpiredIntermediate.sslContext(server.spiffeId()));

        assertTrue(outcome.bothFailed(), () -> "expected both sides to fail: " + outcome);
        CertPathValidatorException rejection = causeOfType(outcome.serverFailure(), CertPathValidatorException.class);
        assertNotNull(rejection, () -> "server should reject the client's chain: " + outcome.serverFailure());
        assertEquals(CertPathValidatorException.BasicReason.EXPIRED, rejection.getReason());
        assertEquals(1, rejection.getIndex(), "the certificate at index 1 (the intermediate) is the expired one");
    }

    @Test
    void theClientRejectsAServerWithAnotherSpiffeId() throws Exception {
        MeshTrust trust = MeshTrust.issue(TrustFixtures.currentSettings(KeyAlgorithm.EC_P256),
                TrustFixtures.seed("shared"), TrustFixtures.clusters("cluster-a", "cluster-b"));
        Instant now = Instant.now();
        WorkloadCertificate server = trust.issueWorkload("cluster-a", "default", "reviews", now, TTL);
        WorkloadCertificate client = trust.issueWorkload("cluster-b", "default", "productpage", now, TTL);
        String expected = "spiffe://cluster-a.local/ns/default/sa/ratings";

        LoopbackMtls.Outcome outcome = LoopbackMtls.exchange(
                server.sslContext(client.spiffeId()), client.sslContext(expected));

        assertTrue(outcome.bothFailed(), () -> "expected both sides to fail: " + outcome);
        SpiffeIdRejectedException rejection = causeOfType(outcome.clientFailure(), SpiffeIdRejectedException.class);
        assertNotNull(rejection, () -> "client should reject the server's identity: " + outcome.clientFailure());
        assertEquals(server.spiffeId(), rejection.presented());
        assertEquals(Set.of(expected), rejection.accepted());
    }

    @Test
    void theServerRejectsAClientWithAnotherSpiffeId() throws Exception {
        MeshTrust trust = MeshTrust.issue(TrustFixtures.currentSettings(KeyAlgorithm.EC_P256),
                TrustFixtures.seed("shared"), TrustFixtures.clusters("cluster-a", "cluster-b"));
        Instant now = Instant.now();
        WorkloadCertificate server = trust.issueWorkload("cluster-a", "default", "reviews", now, TTL);
        WorkloadCertificate client = trust.issueWorkload("cluster-b", "sleep", "sleep", now, TTL);

        LoopbackMtls.Outcome outcome = LoopbackMtls.exchange(
                server.sslContext("spiffe://cluster-b.local/ns/default/sa/productpage"),
                client.sslContext(server.spiffeId()));

        assertTrue(outcome.bothFailed(), () -> "expected both sides to fail: " + outcome);
        SpiffeIdRejectedException rejection = causeOfType(outcome.serverFailure(), SpiffeIdRejectedException.class);
        assertNotNull(rejection, () -> "server should reject the client's identity: " + outcome.serverFailure());
        assertEquals("spiffe://cluster-b.local/ns/sleep/sa/sleep", rejection.presented());
    }
}
