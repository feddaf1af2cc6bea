package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Root rotation 0 → 1 through NONE, TRUST_BOTH, SWITCHED, NONE. */
class RootRotationTest {
    private static final TrustSeed SEED = TrustFixtures.seed("rotation");
    private static final List<ClusterIdentity> CLUSTERS = TrustFixtures.clusters("cluster-a", "cluster-b");
    private static final TrustSettings BEFORE = TrustFixtures.currentSettings(KeyAlgorithm.EC_P256);
    private static final Duration TTL = Duration.ofHours(1);

    private final MeshTrust before = MeshTrust.issue(BEFORE, SEED, CLUSTERS);
    private final MeshTrust trustBoth = phase(RootRotationPhase.TRUST_BOTH);
    private final MeshTrust switched = phase(RootRotationPhase.SWITCHED);
    private final MeshTrust after = phase(RootRotationPhase.NONE);

    private static MeshTrust phase(RootRotationPhase phase) {
        return MeshTrust.issue(BEFORE.withRootRotation(1, phase), SEED, CLUSTERS);
    }

    @Test
    void trustBothAddsTheNewRootToTheBundleAndChangesNothingElse() {
        List<X509Certificate> bundle = Certificates.parsePem(trustBoth.rootCertPem());
        assertEquals(List.of(root(before), root(after)), bundle, "old root first, then the new one");
        assertEquals(before.rootFingerprintSha256(), trustBoth.rootFingerprintSha256(), "the old root still signs");
        for (ClusterIdentity cluster : CLUSTERS) {
            CaCerts old = before.caCerts(cluster.cluster());
            CaCerts rotating = trustBoth.caCerts(cluster.cluster());
            assertEquals(old.caCertPem(), rotating.caCertPem());
            assertEquals(old.caKeyPem(), rotating.caKeyPem());
            assertEquals(old.certChainPem(), rotating.certChainPem());
            assertEquals(trustBoth.rootCertPem(), rotating.rootCertPem());
        }
    }

    @Test
    void switchedSignsTheIntermediatesWithTheNewRootAndStillTrustsBoth() {
        assertEquals(trustBoth.rootCertPem(), switched.rootCertPem());
        assertEquals(after.rootFingerprintSha256(), switched.rootFingerprintSha256());
        assertNotEquals(before.rootFingerprintSha256(), switched.rootFingerprintSha256());
        for (ClusterIdentity cluster : CLUSTERS) {
            CaCerts caCerts = switched.caCerts(cluster.cluster());
            X509Certificate intermediate = Certificates.parsePem(caCerts.caCertPem()).get(0);
            assertEquals(root(after).getSubjectX500Principal(), intermediate.getIssuerX500Principal());
            assertEquals(List.of(intermediate, root(after)), Certificates.parsePem(caCerts.certChainPem()));
            assertEquals(before.caCerts(cluster.cluster()).caKeyPem(), caCerts.caKeyPem(),
                    "the intermediate key depends on the intermediate epoch only");
        }
    }

    @Test
    void noneAfterTheRotationTrustsOnlyTheNewRoot() {
        assertEquals(List.of(root(after)), Certificates.parsePem(after.rootCertPem()));
        assertEquals(switched.caCerts("cluster-a").caCertPem(), after.caCerts("cluster-a").caCertPem());
    }

    @Test
    void bothChainsVerifyAgainstTheOverlapBundleButNotAcrossTheGap() throws Exception {
        String oldChain = trustBoth.caCerts("cluster-a").certChainPem();
        String newChain = switched.caCerts("cluster-a").certChainPem();
        String overlapBundle = trustBoth.rootCertPem();

        validate(oldChain, overlapBundle);
        validate(newChain, overlapBundle);
        assertThrows(CertPathValidatorException.class, () -> validate(newChain, before.rootCertPem()));
        assertThrows(CertPathValidatorException.class, () -> validate(oldChain, after.rootCertPem()));
    }

    @Test
    void workloadsInClustersAtNeighbouringPhasesStillHandshake() throws Exception {
        assertHandshake(before, trustBoth, true);
        assertHandshake(trustBoth, switched, true);
        assertHandshake(switched, after, true);
    }

    @Test
    void skippingTrustBothBreaksTraffic() throws Exception {
        assertHandshake(before, switched, false);
        assertHandshake(trustBoth, after, false);
    }

    @Test
    void rotationPhasesNeedAPreviousSeedDerivedRoot() {
        assertThrows(IllegalArgumentException.class, () -> BEFORE.withRootRotation(0, RootRotationPhase.TRUST_BOTH));
        assertThrows(IllegalArgumentException.class, () -> BEFORE.withRootRotation(0, RootRotationPhase.SWITCHED));
    }

    @Test
    void rootsOfDifferentEpochsHaveDistinctNamesAndKeys() {
        X509Certificate oldRoot = root(before);
        X509Certificate newRoot = root(after);
        assertNotEquals(oldRoot.getSubjectX500Principal(), newRoot.getSubjectX500Principal());
        assertNotEquals(oldRoot.getPublicKey(), newRoot.getPublicKey());
        assertTrue(newRoot.getNotAfter().after(oldRoot.getNotAfter()), "the new root outlives the old one");
        assertEquals(Set.copyOf(trustBoth.trustedRootFingerprintsSha256()),
                new HashSet<>(List.of(before.rootFingerprintSha256(), after.rootFingerprintSha256())));
    }

    /** A server in cluster-a under {@code serverSide}, a client in cluster-b under {@code clientSide}, both ways round. */
    private static void assertHandshake(MeshTrust serverSide, MeshTrust clientSide, boolean expectSuccess) throws Exception {
        for (boolean swap : new boolean[] {false, true}) {
            MeshTrust serverTrust = swap ? clientSide : serverSide;
            MeshTrust clientTrust = swap ? serverSide : clientSide;
            Instant now = Instant.now();
            WorkloadCertificate server = serverTrust.issueWorkload("cluster-a", "default", "reviews", now, TTL);
            WorkloadCertificate client = clientTrust.issueWorkload("cluster-b", "default", "productpage", now, TTL);
            LoopbackMtls.Outcome outcome = LoopbackMtls.exchange(
                    server.sslContext(client.spiffeId()), client.sslContext(server.spiffeId()));
            String sides = serverTrust.settings().rootRotationPhase() + "/" + serverTrust.settings().rootEpoch()
                    + " server vs " + clientTrust.settings().rootRotationPhase() + "/" + clientTrust.settings().rootEpoch()
                    + " client";
            if (expectSuccess) {
                assertTrue(outcome.succeeded(), () -> sides + " should handshake: " + outcome);
            } else {
                assertTrue(outcome.bothFailed(), () -> sides + " should fail: " + outcome);
                boolean pkixRejection =
                        LoopbackMtls.causeOfType(outcome.clientFailure(), CertPathValidatorException.class) != null
                        || LoopbackMtls.causeOfType(outcome.serverFailure(), CertPathValidatorException.class) != null;
                assertTrue(pkixRejection, () -> sides + ": expected a PKIX rejection, got " + outcome);
            }
        }
    }

    private static X509Certificate root(MeshTrust trust) {
        List<X509Certificate> roots = Certificates.parsePem(trust.rootCertPem());
        assertEquals(1, roots.size());
        return roots.get(0);
    }

    private static void validate(String chainPem, String bundlePem) throws Exception {
        List<X509Certificate> chain = new ArrayList<>(Certificates.parsePem(chainPem));
        chain.remove(chain.size() - 1); // the root; PKIX starts from an anchor of the bundle
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate root : Certificates.parsePem(bundlePem)) {
            anchors.add(new TrustAnchor(root, null));
        }
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
    }
}
