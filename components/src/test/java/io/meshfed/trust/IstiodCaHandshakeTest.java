package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** istiod's plugged-in CA read back from the cacerts files, and the in-memory TLS 1.3 exchange. */
class IstiodCaHandshakeTest {
    private static final Duration TTL = Duration.ofHours(1);

    private static IstiodCa istiod(MeshTrust trust, String cluster) {
        return IstiodCa.fromSecretData(trust.caCerts(cluster).revealSecretData());
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_3072"})
    void workloadsIssuedFromTheCacertsFilesOfTwoClustersCompleteTls13AndSeeEachOthersSpiffeId(KeyAlgorithm algorithm) {
        MeshTrust trust = MeshTrust.issue(TrustFixtures.currentSettings(algorithm), TrustFixtures.seed("shared"),
                TrustFixtures.clusters("east", "west"));
        Instant now = Instant.now();
        WorkloadCertificate client = istiod(trust, "east").issue("east.local", "shop", "frontend", algorithm.isEc(), now, TTL);
        WorkloadCertificate server = istiod(trust, "west").issue("west.local", "shop", "cart", algorithm.isEc(), now, TTL);
        assertEquals(2, server.chain().size(), "cert-chain.pem follows the leaf");

        MtlsHandshake.Outcome outcome = MtlsHandshake.run(client, Set.of(server.spiffeId()), server, Set.of(client.spiffeId()));

        assertTrue(outcome.succeeded(), outcome::failure);
        assertEquals("TLSv1.3", outcome.protocol());
        assertEquals("spiffe://west.local/ns/shop/sa/cart", outcome.clientSawPeer());
        assertEquals("spiffe://east.local/ns/shop/sa/frontend", outcome.serverSawPeer());
    }

    @Test
    void aClientExpectingAnotherServiceAccountRefusesTheServer() {
        MeshTrust trust = MeshTrust.issue(TrustFixtures.currentSettings(KeyAlgorithm.EC_P256), TrustFixtures.seed("shared"),
                TrustFixtures.clusters("east"));
        Instant now = Instant.now();
        WorkloadCertificate client = istiod(trust, "east").issue("east.local", "shop", "frontend", true, now, TTL);
        WorkloadCertificate server = istiod(trust, "east").issue("east.local", "shop", "cart", true, now, TTL);

        MtlsHandshake.Outcome outcome = MtlsHandshake.run(client, Set.of("spiffe://east.local/ns/shop/sa/payments"), server,
                Set.of(client.spiffeId()));

        assertFalse(outcome.succeeded());
        assertTrue(outcome.failure().startsWith("the client"), outcome.failure());
        assertTrue(outcome.failure().contains("spiffe://east.local/ns/shop/sa/cart"), outcome.failure());
    }

    @Test
    void aPeerUnderAnotherRootIsRefused() {
        TrustSettings settings = TrustFixtures.currentSettings(KeyAlgorithm.EC_P256);
        MeshTrust a = MeshTrust.issue(settings, TrustFixtures.seed("a"), TrustFixtures.clusters("east"));
        MeshTrust b = MeshTrust.issue(settings, TrustFixtures.seed("b"), TrustFixtures.clusters("west"));
        Instant now = Instant.now();
        WorkloadCertificate client = istiod(a, "east").issue("east.local", "shop", "frontend", true, now, TTL);
        WorkloadCertificate server = istiod(b, "west").issue("west.local", "shop", "cart", true, now, TTL);

        MtlsHandshake.Outcome outcome = MtlsHandshake.run(client, Set.of(server.spiffeId()), server, Set.of(client.spiffeId()));

        assertFalse(outcome.succeeded());
        assertTrue(outcome.failure().contains("does not verify against the trust bundle"), outcome.failure());
    }

    @Test
    void aCaKeyThatDoesNotBelongToTheCaCertIsRefusedAsIstiodWould() {
        TrustSettings settings = TrustFixtures.currentSettings(KeyAlgorithm.EC_P256);
        MeshTrust trust = MeshTrust.issue(settings, TrustFixtures.seed("a"), TrustFixtures.clusters("east", "west"));
        Map<String, String> files = new LinkedHashMap<>(trust.caCerts("east").revealSecretData());
        files.put(CaCerts.CA_KEY_KEY, trust.caCerts("west").caKeyPem().reveal());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IstiodCa.fromSecretData(files));
        assertTrue(e.getMessage().startsWith("ca-key.pem: the key does not belong to ca-cert.pem"), e.getMessage());
        files.remove(CaCerts.ROOT_CERT_KEY);
        assertThrows(IllegalArgumentException.class, () -> IstiodCa.fromSecretData(files));
    }
}
