package io.meshfed.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.Examples;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rendered example stack "local" (trust domains east and west): a west sidecar accepts
 * sleep's spiffe://east/… only because west's istiod validates east through meshConfig.caCertificates
 * (pilot/pkg/networking/plugin/authn/util.go TrustDomainsForValidation, Istio 1.30.3).
 */
class RenderedTrustDomainsTest {

    private static String sleepToHttpbin(MeshPlan plan) {
        MeshSimulator sim = new MeshSimulator(plan);
        return sim.mtlsProblem(sim.workload("sleep", "east", "sleep"), sim.workload("httpbin", "west", "httpbin"));
    }

    @Test
    void sleepInEastReachesHttpbinInWestOnlyWhileWestValidatesEastsTrustDomain() {
        MeshPlan rendered = Examples.plan("local");
        assertNull(sleepToHttpbin(rendered));
        assertEquals("mTLS handshake from sleep in east/sleep to httpbin-v1 in west/httpbin failed: the server "
                + "(spiffe://west/ns/httpbin/sa/httpbin) refused the handshake: peer SPIFFE ID spiffe://east/ns/sleep/sa/sleep "
                + "is not among the accepted trust domains [west]", sleepToHttpbin(withoutCaCertificates(rendered, "west")));
    }

    /** The plan with {@code meshConfig.caCertificates} taken out of one cluster's istiod values. */
    private static MeshPlan withoutCaCertificates(MeshPlan plan, String cluster) {
        List<ClusterPlan> clusters = plan.clusters().stream().map(c -> !c.cluster().equals(cluster) ? c
                : new ClusterPlan(c.cluster(), c.releases().stream().map(RenderedTrustDomainsTest::withoutCaCertificates).toList(), c.objects()))
                .toList();
        return new MeshPlan(plan.spec(), clusters, plan.rootFingerprintSha256());
    }

    @SuppressWarnings("unchecked")
    private static HelmRelease withoutCaCertificates(HelmRelease r) {
        if (!r.chart().equals("istiod")) {
            return r;
        }
        Map<String, Object> values = new LinkedHashMap<>(r.values());
        Map<String, Object> meshConfig = new LinkedHashMap<>((Map<String, Object>) values.get("meshConfig"));
        if (meshConfig.remove("caCertificates") == null) {
            throw new IllegalStateException("the rendered istiod values of the local stack have no caCertificates");
        }
        values.put("meshConfig", meshConfig);
        return new HelmRelease(r.stage(), r.name(), r.namespace(), r.chart(), r.repository(), r.version(), values);
    }
}
