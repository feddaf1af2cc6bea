package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrustSettingsTest {
    private final TrustSettings defaults = TrustSettings.defaults(TrustFixtures.FIXED_START);

    @Test
    void defaultsAreEcP256WithEpochsZeroAndAGeneratedRoot() {
        assertEquals(KeyAlgorithm.EC_P256, defaults.keyAlgorithm());
        assertEquals(0, defaults.intermediateEpoch());
        assertEquals(0, defaults.rootEpoch());
        assertEquals(RootRotationPhase.NONE, defaults.rootRotationPhase());
        assertEquals(null, defaults.providedRoot());
    }

    @Test
    void notBeforeIsCutToWholeSeconds() {
        Instant precise = Instant.parse("2025-03-04T05:06:07.890123Z");
        assertEquals(Instant.parse("2025-03-04T05:06:07Z"), TrustSettings.defaults(precise).notBefore());
    }

    @Test
    void invalidValuesAreRejectedWithTheFieldName() {
        assertField("intermediateEpoch", () -> defaults.withIntermediateEpoch(-1));
        assertField("rootEpoch", () -> defaults.withRootRotation(-1, RootRotationPhase.NONE));
        assertField("rootValidity", () -> defaults.withValidity(Duration.ZERO, Duration.ofDays(1)));
        assertField("intermediateValidity", () -> defaults.withValidity(Duration.ofDays(1), Duration.ofMillis(10)));
        assertField("organization", () -> defaults.withOrganization(" "));
        assertField("rootRotationPhase", () -> defaults.withRootRotation(0, RootRotationPhase.SWITCHED));
        assertThrows(NullPointerException.class, () -> defaults.withKeyAlgorithm(null));
    }

    @Test
    void anEpochThatEndsBeyondTheYear9999IsRejectedAtIssuance() {
        TrustSettings farFuture = defaults.withRootRotation(1000, RootRotationPhase.NONE);
        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
                () -> MeshTrust.issue(farFuture, TrustFixtures.seed("far"), TrustFixtures.clusters("cluster-a")));
        assertTrue(rejected.getMessage().contains("root epoch 1000"), rejected.getMessage());
    }

    @Test
    void clustersNeedDistinctNamesAndSpiffeTrustDomains() {
        assertThrows(IllegalArgumentException.class, () -> new ClusterIdentity("cluster-a", "Cluster.Local"));
        assertThrows(IllegalArgumentException.class, () -> new ClusterIdentity(" ", "cluster.local"));
        assertThrows(IllegalArgumentException.class, () -> MeshTrust.issue(defaults, TrustFixtures.seed("dup"),
                TrustFixtures.clusters("cluster-a", "cluster-a")));
    }

    private static void assertField(String field, Runnable change) {
        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, change::run);
        assertTrue(rejected.getMessage().startsWith(field + ":"), rejected.getMessage());
    }
}
