package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validity of every CA per cluster, with warnings under a threshold. */
class ExpiryReportTest {
    private static final Instant START = TrustFixtures.FIXED_START;
    private static final TrustSettings SETTINGS = TrustFixtures.fixedSettings(KeyAlgorithm.EC_P256);
    private static final Instant INTERMEDIATE_END = START.plus(SETTINGS.intermediateValidity());
    private static final Instant ROOT_END = START.plus(SETTINGS.rootValidity());

    private final MeshTrust trust = MeshTrust.issue(SETTINGS, TrustFixtures.seed("expiry"),
            TrustFixtures.clusters("cluster-a", "cluster-b"));

    @Test
    void everyClusterListsItsIntermediateAndItsRoot() {
        ExpiryReport report = trust.expiry(START.plus(Duration.ofDays(10)), Duration.ofDays(30));

        assertEquals(4, report.cas().size());
        for (String cluster : List.of("cluster-a", "cluster-b")) {
            List<CaValidity> cas = report.forCluster(cluster);
            assertEquals(List.of(CaValidity.Role.INTERMEDIATE, CaValidity.Role.ROOT), cas.stream().map(CaValidity::role).toList());
            assertEquals(INTERMEDIATE_END, cas.get(0).notAfter());
            assertEquals(ROOT_END, cas.get(1).notAfter());
            assertTrue(cas.get(0).subject().contains("L=" + cluster), cas.get(0).subject());
            assertEquals(trust.rootFingerprintSha256(), cas.get(1).fingerprintSha256());
        }
        assertFalse(report.hasWarnings());
    }

    @Test
    void anIntermediateUnderTheThresholdIsAWarning() {
        Instant now = INTERMEDIATE_END.minus(Duration.ofDays(17));
        ExpiryReport report = trust.expiry(now, Duration.ofDays(30));

        assertEquals(2, report.warnings().size());
        for (CaValidity warning : report.warnings()) {
            assertEquals(CaValidity.Role.INTERMEDIATE, warning.role());
            assertEquals(CaValidity.Status.EXPIRES_SOON, warning.status());
            assertEquals(Duration.ofDays(17), warning.remaining());
        }
        assertTrue(report.render().contains("EXPIRES_SOON"), report.render());
    }

    @Test
    void theThresholdIsConfigurable() {
        Instant now = INTERMEDIATE_END.minus(Duration.ofDays(17));

        assertTrue(trust.expiry(now, Duration.ofDays(18)).hasWarnings());
        assertFalse(trust.expiry(now, Duration.ofDays(17)).hasWarnings());
        assertFalse(trust.expiry(now, Duration.ZERO).hasWarnings());
    }

    @Test
    void expiredAndNotYetValidCasAreReported() {
        ExpiryReport late = trust.expiry(INTERMEDIATE_END.plusSeconds(1), Duration.ofDays(30));
        assertEquals(CaValidity.Status.EXPIRED, late.forCluster("cluster-a").get(0).status());
        assertTrue(late.forCluster("cluster-a").get(0).remaining().isNegative());
        assertEquals(CaValidity.Status.VALID, late.forCluster("cluster-a").get(1).status());

        ExpiryReport early = trust.expiry(START.minusSeconds(1), Duration.ofDays(30));
        assertTrue(early.cas().stream().allMatch(ca -> ca.status() == CaValidity.Status.NOT_YET_VALID));
    }

    @Test
    void duringARootRotationBothRootsAreReportedAndTheSigningOneIsMarked() {
        MeshTrust rotating = MeshTrust.issue(SETTINGS.withRootRotation(1, RootRotationPhase.TRUST_BOTH),
                TrustFixtures.seed("expiry"), TrustFixtures.clusters("cluster-a"));
        List<CaValidity> cas = rotating.expiry(START.plus(Duration.ofDays(1)), Duration.ofDays(30)).forCluster("cluster-a");

        assertEquals(3, cas.size());
        List<CaValidity> roots = cas.stream().filter(ca -> ca.role() == CaValidity.Role.ROOT).toList();
        assertEquals(List.of(true, false), roots.stream().map(CaValidity::signing).toList(), "old root signs in TRUST_BOTH");
        assertEquals(ROOT_END, roots.get(0).notAfter());
        assertEquals(START.plus(SETTINGS.rootValidity().multipliedBy(2)), roots.get(1).notAfter());
    }
}
