package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workload certificates look like the ones istiod signs. */
class WorkloadCertificateTest {
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final int URI = 6;

    private final TrustSettings settings = TrustFixtures.fixedSettings(KeyAlgorithm.EC_P256);
    private final MeshTrust trust = MeshTrust.issue(settings, TrustFixtures.seed("workloads"),
            TrustFixtures.clusters("cluster-a", "cluster-b"));
    private final X509Certificate intermediate = Certificates.parsePem(trust.caCerts("cluster-a").caCertPem()).get(0);
    private final Instant now = TrustFixtures.FIXED_START.plus(Duration.ofDays(100)).plusMillis(1234);

    @Test
    void leafHasAnEmptySubjectAndACriticalSpiffeUriSan() throws Exception {
        WorkloadCertificate workload = trust.issueWorkload("cluster-a", "bookinfo", "reviews-v2", now, Duration.ofHours(24));
        X509Certificate leaf = workload.certificate();

        assertEquals("spiffe://cluster-a.local/ns/bookinfo/sa/reviews-v2", workload.spiffeId());
        assertEquals("", leaf.getSubjectX500Principal().getName());
        assertTrue(leaf.getCriticalExtensionOIDs().contains(SUBJECT_ALT_NAME));
        assertEquals(List.of(List.of(URI, workload.spiffeId())),
                leaf.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
        assertEquals(workload.spiffeId(), SpiffeIds.fromCertificate(leaf).orElseThrow());
    }

    @Test
    void leafIsForTlsBothWaysAndIsNoCa() throws Exception {
        X509Certificate leaf = trust.issueWorkload("cluster-a", "default", "reviews", now, Duration.ofHours(1)).certificate();

        boolean[] usage = leaf.getKeyUsage();
        assertArrayEquals(new boolean[] {true, false, true, false, false, false, false, false, false},
                usage, "digitalSignature and keyEncipherment only");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), leaf.getExtendedKeyUsage());
        assertEquals(-1, leaf.getBasicConstraints());
    }

    @Test
    void leafIsSignedByTheClusterIntermediateAndShipsTheChain() throws Exception {
        WorkloadCertificate workload = trust.issueWorkload("cluster-a", "default", "reviews", now, Duration.ofHours(1));

        workload.certificate().verify(intermediate.getPublicKey());
        assertEquals(intermediate.getSubjectX500Principal(), workload.certificate().getIssuerX500Principal());
        assertEquals(Certificates.parsePem(trust.caCerts("cluster-a").certChainPem()), workload.chain());
        assertEquals(Certificates.parsePem(trust.rootCertPem()), workload.trustBundle());
        assertEquals(3, workload.certificateChain().size());
    }

    @Test
    void leafKeyIsEcdsaP256WhenTheCaIsEc() {
        WorkloadCertificate workload = trust.issueWorkload("cluster-a", "default", "reviews", now, Duration.ofHours(1));

        ECPublicKey key = (ECPublicKey) workload.certificate().getPublicKey();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertEquals("EC", workload.privateKey().getAlgorithm());
    }

    @Test
    void leafKeyIsRsaWhenTheCaIsRsa() {
        MeshTrust rsa = MeshTrust.issue(TrustFixtures.fixedSettings(KeyAlgorithm.RSA_3072), TrustFixtures.seed("workloads"),
                TrustFixtures.clusters("cluster-a"));
        WorkloadCertificate workload = rsa.issueWorkload("cluster-a", "default", "reviews", now, Duration.ofHours(1));

        assertEquals("RSA", workload.certificate().getPublicKey().getAlgorithm());
        assertEquals("SHA256withRSA", workload.certificate().getSigAlgName());
    }

    @Test
    void validityStartsAtNowAndLastsTheTtl() {
        X509Certificate leaf = trust.issueWorkload("cluster-a", "default", "reviews", now, Duration.ofHours(24)).certificate();

        Instant start = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertEquals(start, leaf.getNotBefore().toInstant());
        assertEquals(start.plus(Duration.ofHours(24)), leaf.getNotAfter().toInstant());
    }

    @Test
    void notAfterIsClampedToTheIntermediates() {
        Instant caEnd = intermediate.getNotAfter().toInstant();
        Instant lateNow = caEnd.minus(Duration.ofHours(2));

        X509Certificate leaf = trust.issueWorkload("cluster-a", "default", "reviews", lateNow, Duration.ofHours(24)).certificate();

        assertEquals(caEnd, leaf.getNotAfter().toInstant());
    }

    @Test
    void anExpiredIntermediateSignsNothing() {
        Instant afterCaEnd = intermediate.getNotAfter().toInstant().plusSeconds(1);
        assertThrows(IllegalStateException.class,
                () -> trust.issueWorkload("cluster-a", "default", "reviews", afterCaEnd, Duration.ofHours(1)));
    }

    @Test
    void badRequestsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> trust.issueWorkload("cluster-z", "default", "reviews", now, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class,
                () -> trust.issueWorkload("cluster-a", "Default/x", "reviews", now, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class,
                () -> trust.issueWorkload("cluster-a", "default", "", now, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class,
                () -> trust.issueWorkload("cluster-a", "default", "reviews", now, Duration.ZERO));
    }
}
