package io.meshfed.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.trust.CaCerts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * mTLS and reachability decided from hand-written rendered objects only: endpoints
 * (ServiceEntry/WorkloadEntry), the destination's east-west gateway, DestinationRule TLS, the
 * PeerAuthentication precedence, the trust domains the destination's istiod validates, and a real
 * handshake between certificates issued from each cluster's cacerts Secret.
 */
class MeshSimulatorMtlsTest {

    /** The DestinationRule meshfed renders: ISTIO_MUTUAL accepting each backing cluster's identity. */
    private static final String MUTUAL = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews-global, namespace: shop}
            spec:
              host: reviews.shop.global
              trafficPolicy:
                tls:
                  mode: ISTIO_MUTUAL
                  subjectAltNames: [spiffe://c1/ns/shop/sa/reviews, spiffe://c2/ns/shop/sa/reviews, spiffe://c3/ns/shop/sa/reviews]
            """;

    private static HandWrittenMesh federated() {
        HandWrittenMesh mesh = new HandWrittenMesh().withIstiod();
        SimulatedTrust trust = SimulatedTrust.shared(mesh.spec());
        return mesh.cacerts(trust::cacerts).in("c1", HandWrittenMesh.FEDERATION_C1)
                .in("c2", HandWrittenMesh.EAST_WEST_GATEWAY).in("c3", HandWrittenMesh.EAST_WEST_GATEWAY);
    }

    private static String problem(HandWrittenMesh mesh, String cluster, String version) {
        MeshSimulator sim = mesh.simulator();
        Workload reviews = sim.inventory().service(cluster, "shop", "reviews").stream()
                .filter(w -> version.equals(w.version())).findFirst().orElseThrow();
        return sim.mtlsProblem(sim.workload("client", "c1", "app"), reviews);
    }

    @Test
    void workloadsOfOneClusterHandshakeWithCertificatesFromItsCacerts() {
        assertNull(problem(federated(), "c1", "v2"));
    }

    @Test
    void aRemoteWorkloadIsReachedThroughItsWorkloadEntryAndTheEastWestGatewayOfItsCluster() {
        assertNull(problem(federated().in("c1", MUTUAL), "c2", "v1"));
        assertNull(problem(federated().in("c1", MUTUAL), "c3", "v3"));
    }

    @Test
    void withoutSubjectAltNamesTheClientExpectsTheRemoteServiceAccountInItsOwnTrustDomain() {
        String p = problem(federated(), "c2", "v1");
        assertNotNull(p);
        assertTrue(p.contains("mTLS handshake") && p.contains("the client") && p.contains("spiffe://c2/ns/shop/sa/reviews"), p);
    }

    @Test
    void aDestinationClusterWithoutAnEastWestGatewayIsUnreachable() {
        HandWrittenMesh mesh = new HandWrittenMesh().withIstiod();
        mesh.cacerts(SimulatedTrust.shared(mesh.spec())::cacerts).in("c1", HandWrittenMesh.FEDERATION_C1).in("c1", MUTUAL)
                .in("c2", HandWrittenMesh.EAST_WEST_GATEWAY);
        assertNull(problem(mesh, "c2", "v1"));
        String p = problem(mesh, "c3", "v3");
        assertNotNull(p);
        assertTrue(p.contains("WorkloadEntry shop/reviews-c3-v3") && p.contains("cluster c3 renders no east-west gateway"), p);
    }

    @Test
    void aGatewayOnAnotherPortOrWithoutPassthroughDoesNotCount() {
        HandWrittenMesh mesh = new HandWrittenMesh().withIstiod();
        mesh.cacerts(SimulatedTrust.shared(mesh.spec())::cacerts).in("c1", HandWrittenMesh.FEDERATION_C1).in("c1", MUTUAL)
                .in("c2", HandWrittenMesh.EAST_WEST_GATEWAY.replace("number: 15443", "number: 15444"))
                .in("c3", HandWrittenMesh.EAST_WEST_GATEWAY.replace("AUTO_PASSTHROUGH", "ISTIO_MUTUAL"));
        assertTrue(problem(mesh, "c2", "v1").contains("renders no east-west gateway"));
        assertTrue(problem(mesh, "c3", "v3").contains("renders no east-west gateway"));
    }

    @Test
    void aClusterWithoutAWorkloadEntryForTheDestinationHasNoEndpointForIt() {
        HandWrittenMesh mesh = new HandWrittenMesh().withIstiod();
        String onlyC3 = HandWrittenMesh.FEDERATION_C1.replaceAll("(?s)---\\s*\\napiVersion: networking.istio.io/v1\\nkind: WorkloadEntry\\nmetadata: \\{name: reviews-c2-v1.*?(?=---)", "");
        mesh.cacerts(SimulatedTrust.shared(mesh.spec())::cacerts).in("c1", onlyC3).in("c1", MUTUAL)
                .in("c2", HandWrittenMesh.EAST_WEST_GATEWAY).in("c3", HandWrittenMesh.EAST_WEST_GATEWAY);
        String p = problem(mesh, "c2", "v1");
        assertNotNull(p);
        assertTrue(p.startsWith("no WorkloadEntry of reviews.shop.global in c1 at the east-west gateway of c2 selects reviews-v1 in c2/shop"), p);
        assertNull(problem(mesh, "c3", "v3"));
    }

    @Test
    void withoutAServiceEntryTheRouteAloneDoesNotMakeARemoteWorkloadReachable() {
        HandWrittenMesh mesh = new HandWrittenMesh().withIstiod();
        mesh.cacerts(SimulatedTrust.shared(mesh.spec())::cacerts).in("c2", HandWrittenMesh.EAST_WEST_GATEWAY);
        String p = problem(mesh, "c2", "v1");
        assertNotNull(p);
        assertTrue(p.startsWith("no ServiceEntry for reviews.shop.global"), p);
    }

    @Test
    void clustersWithSeparateRootsFailTheHandshake() {
        HandWrittenMesh mesh = new HandWrittenMesh().withIstiod();
        mesh.cacerts(SimulatedTrust.separateRoots(mesh.spec())::cacerts).in("c1", HandWrittenMesh.FEDERATION_C1).in("c1", MUTUAL)
                .in("c2", HandWrittenMesh.EAST_WEST_GATEWAY);
        String p = problem(mesh, "c2", "v1");
        assertNotNull(p);
        assertTrue(p.contains("mTLS handshake from client in c1/app to reviews-v1 in c2/shop failed")
                && p.contains("does not verify against the trust bundle"), p);
        assertNull(problem(mesh, "c1", "v1"), "inside one cluster the one root still works");
    }

    @Test
    void anIstiodWhoseCaKeyDoesNotMatchItsCaCertCannotIssue() {
        HandWrittenMesh mesh = new HandWrittenMesh().withIstiod();
        SimulatedTrust trust = SimulatedTrust.shared(mesh.spec());
        mesh.cacerts(cluster -> {
            Map<String, String> files = new LinkedHashMap<>(trust.cacerts(cluster));
            if (cluster.equals("c2")) {
                files.put(CaCerts.CA_KEY_KEY, trust.cacerts("c3").get(CaCerts.CA_KEY_KEY));
            }
            return files;
        }).in("c1", HandWrittenMesh.FEDERATION_C1).in("c1", MUTUAL).in("c2", HandWrittenMesh.EAST_WEST_GATEWAY);
        String p = problem(mesh, "c2", "v1");
        assertNotNull(p);
        assertTrue(p.startsWith("istiod of c2 cannot use its cacerts Secret: ca-key.pem: the key does not belong to ca-cert.pem"), p);
    }

    @Test
    void withoutCaCertificatesTheServerValidatesOnlyItsOwnTrustDomainAndRefusesOtherClusters() {
        // pilot/pkg/networking/plugin/authn/util.go TrustDomainsForValidation (Istio 1.30.3): own trust domain only.
        String p = problem(federated().in("c1", MUTUAL).istiod("c2", "meshConfig: {trustDomain: c2}"), "c2", "v1");
        assertEquals("mTLS handshake from client in c1/app to reviews-v1 in c2/shop failed: the server (spiffe://c2/ns/shop/sa/reviews)"
                + " refused the handshake: peer SPIFFE ID spiffe://c1/ns/app/sa/client is not among the accepted trust domains [c2]", p);
        assertNull(problem(federated().in("c1", MUTUAL), "c2", "v1"), "with caCertificates trustDomains [c1, c2, c3]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{meshConfig: {trustDomain: c2, trustDomainAliases: [c1]}}",
        "{env: {PILOT_SKIP_VALIDATE_TRUST_DOMAIN: 'true'}, meshConfig: {trustDomain: c2}}",
        "{pilot: {env: {PILOT_SKIP_VALIDATE_TRUST_DOMAIN: '1'}}, meshConfig: {trustDomain: c2}}"})
    void aliasesOrSkippingValidationAlsoLetAnotherClusterIn(String istiod) {
        // util.go: aliases are validated; features/security.go PILOT_SKIP_VALIDATE_TRUST_DOMAIN empties the list.
        assertNull(problem(federated().in("c1", MUTUAL).istiod("c2", istiod), "c2", "v1"));
    }

    @Test
    void aClusterWithoutIstiodConfiguresNoProxy() {
        HandWrittenMesh mesh = new HandWrittenMesh();
        mesh.cacerts(SimulatedTrust.shared(mesh.spec())::cacerts);
        assertEquals("cluster c1 renders no istiod release, so nothing configures its proxies' inbound mTLS", problem(mesh, "c1", "v1"));
    }

    @Test
    void aDestinationRuleDisablingTlsSendsPlaintextThatStrictRefuses() {
        String plaintext = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews, namespace: shop}
                spec:
                  host: reviews.shop.svc.cluster.local
                  trafficPolicy: {tls: {mode: DISABLE}}
                """;
        String strict = """
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: default, namespace: istio-system}
                spec: {mtls: {mode: STRICT}}
                """;
        String p = problem(federated().in("c1", plaintext).in("c1", strict), "c1", "v1");
        assertEquals("DestinationRule shop/reviews sets tls DISABLE: client in c1/app sends plaintext, which the STRICT reviews-v1 in c1/shop refuses", p);
    }

    @Test
    void peerAuthenticationFollowsIstiosPrecedence() {
        String policies = """
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: default, namespace: istio-system}
                spec: {mtls: {mode: STRICT}}
                ---
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: root-selector, namespace: istio-system}
                spec: {selector: {matchLabels: {app: client}}, mtls: {mode: DISABLE}}
                ---
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: shop, namespace: shop}
                spec: {mtls: {mode: PERMISSIVE}}
                ---
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: reviews-v2, namespace: shop}
                spec:
                  selector: {matchLabels: {app: reviews, version: v2}}
                  mtls: {mode: DISABLE}
                  portLevelMtls: {"9080": {mode: STRICT}}
                ---
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: reviews-v1-unset, namespace: shop}
                spec: {selector: {matchLabels: {version: v1}}, mtls: {mode: UNSET}}
                """;
        MeshSimulator sim = federated().in("c1", policies).simulator();
        Workload v1 = sim.inventory().service("c1", "shop", "reviews").get(0);
        Workload v2 = sim.inventory().service("c1", "shop", "reviews").get(1);
        assertEquals("DISABLE", sim.peerAuthenticationMode(v2), "workload selector beats namespace");
        assertEquals("STRICT", sim.peerAuthenticationMode(v2, 9080), "port-level beats the workload's mode");
        assertEquals("PERMISSIVE", sim.peerAuthenticationMode(v1), "UNSET inherits the namespace policy");
        assertEquals("STRICT", sim.peerAuthenticationMode(sim.workload("client", "c1", "app")),
                "a root-namespace selector only applies in the root namespace; the mesh-wide policy applies");
        assertTrue(sim.mtlsProblem(sim.workload("client", "c1", "app"), v2).contains("is DISABLE: plaintext only"));
        assertNull(sim.mtlsProblem(sim.workload("client", "c1", "app"), v1));
        assertEquals("PERMISSIVE", new HandWrittenMesh().simulator().peerAuthenticationMode(v1), "no policy at all");
    }
}
