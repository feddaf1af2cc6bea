package io.meshfed.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.Examples;
import io.meshfed.translate.Translator;
import io.meshfed.trust.CaValidity;
import io.meshfed.trust.MeshTrustSource;
import io.meshfed.trust.RootRotationPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CAs read back from the rendered cacerts Secrets are the ones MeshTrust issued, with the same expiry. */
class PlanCertificatesTest {

    static final Instant NOW = Instant.parse("2029-12-15T00:00:00Z");
    static final Duration WARN = Duration.ofDays(30);

    @Test
    void renderedCasMatchTheIssuedOnes() {
        assertSameValidity(Examples.spec("smh-workshop"));
    }

    @Test
    void duringARootRotationBothRootsAreListedAndOnlyTheIssuerSigns() {
        MeshSpec spec = Examples.spec("local");
        var trust = spec.trust();
        MeshSpec rotating = new MeshSpec(spec.name(), spec.clusters(), spec.istio(),
                new io.meshfed.spec.TrustSpec(trust.root(), trust.keyType(), trust.notBefore(), trust.rootValidity(),
                        trust.intermediateValidity(), trust.epoch(), 2, RootRotationPhase.TRUST_BOTH.name(), trust.organization(), null, null),
                spec.services(), spec.federation(), spec.access(), spec.traffic(), spec.failover());
        assertEquals(2, PlanCertificates.of(Examples.plan(rotating)).roots().size());
        assertSameValidity(rotating);
    }

    private static void assertSameValidity(MeshSpec spec) {
        MeshTrustSource source = MeshTrustSource.of(spec, Examples.SEED);
        List<String> issued = source.trust().expiry(NOW, WARN).cas().stream().map(PlanCertificatesTest::describe).toList();
        List<String> rendered = PlanCertificates.of(Translator.translate(spec, source)).expiry(NOW, WARN).cas().stream()
                .map(PlanCertificatesTest::describe).toList();
        assertEquals(issued, rendered);
    }

    private static String describe(CaValidity ca) {
        return String.join(" ", ca.cluster(), ca.role().name(), ca.fingerprintSha256(), String.valueOf(ca.signing()),
                ca.notAfter().toString(), ca.status().name());
    }
}
