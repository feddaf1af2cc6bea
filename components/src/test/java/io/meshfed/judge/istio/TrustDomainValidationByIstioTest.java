package io.meshfed.judge.istio;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshPlan;
import io.meshfed.verify.Inventory;
import io.meshfed.verify.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The defect the judge was built to catch: istiod puts a SAN prefix match per validated trust domain
 * on every sidecar's inbound TLS context (pilot/pkg/networking/plugin/authn/util.go
 * TrustDomainsForValidation, Istio 1.30.3), so a client from another cluster's trust domain is
 * refused unless meshConfig.caCertificates lists that trust domain, which meshfed renders.
 */
class TrustDomainValidationByIstioTest {

    @BeforeAll
    static void judgeBuilt() {
        Assumptions.assumeTrue(OracleBinary.skipReason() == null, OracleBinary.skipReason());
    }

    private static Workload workload(MeshPlan plan, String cluster, String namespace, String service) {
        return Inventory.of(plan.spec()).service(cluster, namespace, service).get(0);
    }

    @Test
    void crossClusterMtlsPassesWithTheRenderedCaCertificates() {
        MeshPlan plan = OracleWorkspaceTest.plan("local");
        IstioAnswers answers = new IstioAnswers(IstioJudge.of(plan));
        assertNull(answers.mtlsProblem(workload(plan, "east", "sleep", "sleep"), workload(plan, "west", "httpbin", "httpbin")));
    }

    @Test
    void withoutCaCertificatesIstiodsInboundTlsContextRefusesTheOtherTrustDomain() {
        MeshPlan plan = withoutCaCertificates(OracleWorkspaceTest.plan("local"));
        IstioAnswers answers = new IstioAnswers(IstioJudge.of(plan));
        String problem = answers.mtlsProblem(workload(plan, "east", "sleep", "sleep"), workload(plan, "west", "httpbin", "httpbin"));
        assertTrue(problem != null && problem.contains("client certificate SAN spiffe://east/ns/sleep/sa/sleep matches none of [spiffe://west/*]"),
                String.valueOf(problem));
    }

    @SuppressWarnings("unchecked")
    static MeshPlan withoutCaCertificates(MeshPlan plan) {
        List<ClusterPlan> clusters = plan.clusters().stream().map(c -> new ClusterPlan(c.cluster(), c.releases().stream().map(r -> {
            if (!r.name().equals("istiod")) {
                return r;
            }
            Map<String, Object> values = new LinkedHashMap<>(r.values());
            Map<String, Object> mesh = new LinkedHashMap<>((Map<String, Object>) values.get("meshConfig"));
            mesh.remove("caCertificates");
            values.put("meshConfig", mesh);
            return new HelmRelease(r.stage(), r.name(), r.namespace(), r.chart(), r.repository(), r.version(), values);
        }).toList(), c.objects())).toList();
        return new MeshPlan(plan.spec(), clusters, plan.rootFingerprintSha256());
    }
}
