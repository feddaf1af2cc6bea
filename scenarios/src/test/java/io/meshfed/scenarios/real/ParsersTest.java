package io.meshfed.scenarios.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parsers of openssl s_client, curl, Envoy RBAC logs and kubectl JSON against recorded outputs (see recorded/README.md). */
class ParsersTest {

    @Test
    void sClientWithoutMtlsHasNoChain() {
        OpenSslProbe.Result r = OpenSslProbe.parse(Recorded.read("s_client-plaintext-seed.txt"));
        assertTrue(r.connected());
        assertTrue(r.noPeerCertificate());
        assertFalse(r.presentedChain());
        assertEquals("0 (ok)", r.verifyReturn());
    }

    @Test
    void sClientStrictSeedListsTheChainEntries() {
        OpenSslProbe.Result r = OpenSslProbe.parse(Recorded.read("s_client-strict-seed-elided.txt"));
        assertEquals(List.of(new OpenSslProbe.ChainEntry(0, "", "O = cluster.local"), new OpenSslProbe.ChainEntry(1, "O = cluster.local", "O = cluster.local")),
                r.entries());
        assertEquals(2, r.pems().size(), "the PEM blocks are found even when their bodies are elided");
    }

    @Test
    void sClientRealChainGivesLeafIntermediateRoot() {
        OpenSslProbe.Result r = OpenSslProbe.parse(Recorded.read("s_client-mtls-kind3.txt"));
        var certs = r.certificates();
        assertEquals(3, certs.size());
        assertEquals("L=kind3,CN=Intermediate CA,O=meshfed", certs.get(1).getSubjectX500Principal().getName());
        assertEquals("CN=Root CA,OU=root epoch 1,O=meshfed", certs.get(2).getSubjectX500Principal().getName());
        assertEquals("", r.entries().get(0).subject());
        assertTrue(r.entries().get(0).issuer().contains("L = kind3"));
    }

    @Test
    void sharedRootIsDecidedBySignaturesNotNames() throws Exception {
        var kind3 = OpenSslProbe.parse(Recorded.read("s_client-mtls-kind3.txt")).certificates();
        var kind2 = OpenSslProbe.parse(Recorded.read("s_client-mtls-other-root-kind2.txt")).certificates();
        assertNull(OpenSslProbe.sharedRootProblem("kind3", kind3, "kind3", kind3));
        String problem = OpenSslProbe.sharedRootProblem("kind2", kind2, "kind3", kind3);
        assertNotNull(problem, "same subject names, different keys: no shared root");
        assertTrue(problem.contains("does not verify against the root presented in kind3"), problem);
        assertNotNull(OpenSslProbe.sharedRootProblem("a", kind3.subList(0, 1), "b", kind3));
    }

    @Test
    void curlOutputIsSplitIntoRequests() {
        List<CurlProbe.Result> rs = CurlProbe.parse(Recorded.read("curl-split-reviews.txt"));
        assertEquals(6, rs.size());
        assertEquals("kind3/v3", rs.get(0).servedBy());
        assertEquals("kind2/v1", rs.get(1).servedBy());
        assertTrue(rs.get(2).rbacDenied());
        assertEquals("-/403 RBAC: access denied", rs.get(2).servedBy());
        assertEquals("-/503 no healthy upstream", rs.get(3).servedBy());
        assertEquals(504, rs.get(4).status());
        assertEquals(502, rs.get(4).millis());
        assertEquals("-/000 curl exit 56", rs.get(5).servedBy());
        assertEquals(Map.of("kind3/v3", 1, "kind2/v1", 1, "-/403 RBAC: access denied", 1, "-/503 no healthy upstream", 1,
                "-/504 upstream request timeout", 1, "-/000 curl exit 56", 1), CurlProbe.counts(rs));
    }

    @Test
    void curlCommandQuotesHeadersAndPrintsTheTrailer() {
        String cmd = CurlProbe.command("GET", "http://reviews.default.svc.cluster.local:9080/", Map.of("end-user", "jason's"), 3, 10);
        assertEquals("for i in $(seq 1 3); do curl -sS -X 'GET' --max-time 10 -H 'end-user: jason'\"'\"'s' -w '\n@@meshfed code=%{http_code} time=%{time_total}'"
                + " 'http://reviews.default.svc.cluster.local:9080/'; echo \" exit=$?\"; done", cmd);
    }

    @Test
    void openSslCommandClosesStdin() {
        assertEquals(List.of("sh", "-c", "openssl s_client -showcerts -alpn istio -connect 'ratings.default.svc.cluster.local:9080' </dev/null 2>&1"),
                OpenSslProbe.command("ratings.default.svc.cluster.local", 9080, null));
    }

    /** Ambient has no sidecar: the certificate is ztunnel's, on the pod's HBONE port, which negotiates h2 (an "istio" ALPN would abort the handshake). */
    @Test
    void openSslCommandTowardsZtunnelOffersH2OnTheHbonePort() {
        assertEquals(List.of("sh", "-c", "openssl s_client -showcerts -alpn h2 -connect '10.10.0.7:15008' </dev/null 2>&1"),
                OpenSslProbe.command("10.10.0.7", OpenSslProbe.HBONE_PORT, null, OpenSslProbe.HBONE_ALPN));
    }

    @Test
    void rbacLogNamesTheDenyingPolicy() {
        assertEquals("bookinfo-backend/namespace-isolation (rule 0)", RbacLog.lastDenial(Recorded.read("envoy-rbac-debug.log")).orElseThrow());
        assertEquals("no ALLOW policy matched", RbacLog.lastDenial(Recorded.read("envoy-rbac-debug-none.log")).orElseThrow());
        assertTrue(RbacLog.lastDenial("enforced allowed, matched policy x").isEmpty());
    }

    @Test
    void podReadinessFromKubectlJson() {
        var pods = Readiness.podList(Recorded.read("kubectl-get-pods.json")).getItems();
        assertEquals(List.of("default/ratings-v1-5b7d9f8c6-abcde: Pending, app not ready (ContainerCreating), istio-proxy not ready (PodInitializing)"),
                Readiness.notReady(pods));
        assertTrue(Readiness.notReady(pods.subList(0, 1)).isEmpty());
    }

    @Test
    void rolloutAndLoadBalancerFromKubectlJson() {
        Deployment istiod = Readiness.object(Recorded.read("kubectl-get-deployment-istiod.json"), Deployment.class);
        assertFalse(Readiness.deploymentRolledOut(istiod), "one of two replicas still old: not rolled out");
        istiod.getStatus().setUpdatedReplicas(1);
        istiod.getStatus().setReplicas(1);
        istiod.getStatus().setAvailableReplicas(1);
        assertTrue(Readiness.deploymentRolledOut(istiod));
        Service ew = Readiness.object(Recorded.read("kubectl-get-service-eastwest.json"), Service.class);
        assertEquals("172.18.0.3", Readiness.loadBalancerAddress(ew));
        ew.getStatus().getLoadBalancer().setIngress(List.of());
        assertNull(Readiness.loadBalancerAddress(ew));
    }

    @Test
    void mtlsModeFromPlaintextAndTlsProbes() {
        var refused = new CurlProbe.Result(0, 0.001, 56, "");
        var answered = new CurlProbe.Result(200, 0.002, 0, "{}");
        var chain = OpenSslProbe.parse(Recorded.read("s_client-mtls-kind3.txt"));
        var none = OpenSslProbe.parse(Recorded.read("s_client-plaintext-seed.txt"));
        assertEquals("STRICT", MtlsModes.infer(refused, chain));
        assertEquals("PERMISSIVE", MtlsModes.infer(answered, chain));
        assertEquals("DISABLE", MtlsModes.infer(answered, none));
        assertTrue(MtlsModes.infer(refused, none).startsWith("UNREACHABLE"));
    }
}
