package io.meshfed.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.istio.api.networking.v1.WorkloadEntry;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.Examples;
import io.meshfed.translate.MeshPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate of {@code meshfed verify}: expected-allowed pairs and federated pairs the rendered objects must connect. */
class VerifyGateTest {

    private static final VerifyGate.Expectation SLEEP_TO_HTTPBIN = VerifyGate.Expectation.parse("east/sleep/sleep:west/httpbin/httpbin");

    @Test
    void theLocalStackPassesBothChecks() {
        assertEquals(List.of(), new VerifyGate(Examples.plan("local")).failures(List.of(SLEEP_TO_HTTPBIN), true));
    }

    @Test
    void aFederatedPairWithoutItsWorkloadEntryIsUnreachable() {
        MeshPlan broken = withoutWorkloadEntries(Examples.plan("local"), "east");
        assertEquals(List.of("unreachable: sleep in east/sleep -> httpbin-v1 in west/httpbin (federated by the spec): no WorkloadEntry of "
                + "httpbin.httpbin.global in east at the east-west gateway of west selects httpbin-v1 in west/httpbin (cluster west, version v1)"),
                new VerifyGate(broken).failures(List.of(), true));
        assertEquals(List.of("expected allowed: east/sleep/sleep -> west/httpbin/httpbin, but no mTLS: no WorkloadEntry of "
                + "httpbin.httpbin.global in east at the east-west gateway of west selects httpbin-v1 in west/httpbin (cluster west, version v1)"),
                new VerifyGate(broken).failures(List.of(SLEEP_TO_HTTPBIN), false));
    }

    @Test
    void aDeniedExpectationNamesThePoliciesInScope() {
        VerifyGate.Expectation sleepToReviews = VerifyGate.Expectation.parse("kind1/sleep/sleep:kind2/default/reviews");
        assertEquals(List.of("expected allowed: kind1/sleep/sleep -> kind2/default/reviews, but denied: no ALLOW policy matched "
                + "(policies in scope: default/productpage, istio-system/global-deny)"),
                new VerifyGate(Examples.plan("smh-workshop")).failures(List.of(sleepToReviews), false));
    }

    @Test
    void anExpectationWithoutARouteFailsToo() {
        VerifyGate.Expectation reverse = VerifyGate.Expectation.parse("west/httpbin/httpbin:east/sleep/sleep");
        assertEquals(List.of("expected allowed: west/httpbin/httpbin -> east/sleep/sleep, but no mTLS: no ServiceEntry for sleep.sleep.global "
                + "is visible to httpbin-v1 in west/httpbin, so sleep in east/sleep has no endpoint there"),
                new VerifyGate(Examples.plan("local")).failures(List.of(reverse), false));
    }

    @Test
    void anExpectationNamingAnUndeclaredServiceIsRefused() {
        VerifyGate gate = new VerifyGate(Examples.plan("local"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gate.failures(List.of(VerifyGate.Expectation.parse("east/sleep/sleep:east/httpbin/httpbin")), false));
        assertEquals("no service httpbin in east/httpbin is declared in the spec", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VerifyGate.Expectation.parse("east/sleep/sleep"));
        assertThrows(IllegalArgumentException.class, () -> VerifyGate.Expectation.parse("east/sleep:west/httpbin/httpbin"));
    }

    private static MeshPlan withoutWorkloadEntries(MeshPlan plan, String cluster) {
        List<ClusterPlan> clusters = plan.clusters().stream().map(c -> !c.cluster().equals(cluster) ? c
                : new ClusterPlan(c.cluster(), c.releases(), c.objects().stream().filter(o -> !(o.object() instanceof WorkloadEntry)).toList()))
                .toList();
        return new MeshPlan(plan.spec(), clusters, plan.rootFingerprintSha256());
    }
}
