package io.meshfed.judge.ambient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.meshfed.judge.HttpRequest;
import io.meshfed.judge.istio.OracleBinary;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Translator;
import io.meshfed.verify.MeshSimulator;
import io.meshfed.verify.SimulatedTrust;
import io.meshfed.verify.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ambient example stack judged from what Istio's control plane generates for it (istio-oracle:
 * ztunnel's view, waypoints, east-west gateways), and what breaks when a piece of meshfed's ambient
 * federation is missing.
 */
class AmbientStackAgainstIstioTest {

    private static final Path STACK = Path.of("../stacks/Pulumi.ambient.yaml");
    private static final String REVIEWS = "reviews.bookinfo-backend.svc.cluster.local";

    @BeforeEach
    void oracle() {
        Assumptions.assumeTrue(OracleBinary.skipReason() == null, OracleBinary.skipReason());
    }

    private static MeshPlan plan(String stackText) {
        MeshSpec spec = SpecLoader.parse(stackText, "ambient");
        return Translator.translate(spec, SimulatedTrust.shared(spec));
    }

    private static Workload workload(MeshPlan plan, String service, String cluster, String ns) {
        return new MeshSimulator(plan).workload(service, cluster, ns);
    }

    private static List<AmbientLeg> request(AmbientJudge judge, Workload source, String host) {
        return judge.request(source, host, HttpRequest.of("GET", host, "/"));
    }

    @Test
    void crossClusterRequestsMeetTheRemoteWaypointThroughTheEastWestGateway() throws Exception {
        MeshPlan plan = plan(Files.readString(STACK));
        AmbientJudge judge = AmbientJudge.of(plan);

        AmbientLeg denied = request(judge, workload(plan, "productpage", "cluster1", "bookinfo-frontend"), REVIEWS).get(0);
        assertEquals(403, denied.status());
        assertEquals("RBAC: access denied by waypoint bookinfo-backend/waypoint of cluster2: no ALLOW policy matched "
                + "(policies in scope: bookinfo-backend/namespace-isolation)", denied.reason());
        assertEquals(List.of(new TlsHop("spiffe://ambient/ns/bookinfo-frontend/sa/bookinfo-productpage", "cluster1",
                        "spiffe://ambient/ns/istio-gateways/sa/istio-eastwest", "cluster2"),
                new TlsHop("spiffe://ambient/ns/bookinfo-frontend/sa/bookinfo-productpage", "cluster1",
                        "spiffe://ambient/ns/bookinfo-backend/sa/waypoint", "cluster2")), denied.tls(), "outer and inner HBONE");

        List<AmbientLeg> admitted = request(judge, workload(plan, "sleep", "cluster1", "bookinfo-backend"), REVIEWS);
        assertEquals(1, admitted.size(), "the HTTPRoute sends everything to v2");
        assertEquals("reviews-v2-0", admitted.get(0).servedBy().name());
        assertEquals(Duration.ofMillis(500), admitted.get(0).timeout());
        assertEquals(3, admitted.get(0).tls().size(), "productpage→gateway, →waypoint, waypoint→reviews-v2");
    }

    @Test
    void insideCluster2TheWaypointDelaysRatingsAndZtunnelEnforcesStrictMtls() throws Exception {
        MeshPlan plan = plan(Files.readString(STACK));
        AmbientJudge judge = AmbientJudge.of(plan);
        AmbientLeg leg = request(judge, workload(plan, "reviews", "cluster2", "bookinfo-backend"), "ratings.bookinfo-backend.svc.cluster.local")
                .get(0);
        assertEquals("ratings-v1-0", leg.servedBy().name());
        assertEquals(Duration.ofSeconds(2), leg.delay());
        assertTrue(leg.mtls());
        assertEquals("STRICT", judge.mtlsMode(workload(plan, "ratings", "cluster2", "bookinfo-backend")));
    }

    @Test
    void withoutTheWaypointStandInTheClientsZtunnelRefusesTheRemoteWaypoint() throws Exception {
        MeshPlan plan = plan(Files.readString(STACK));
        plan.cluster("cluster1").ofType(Service.class).stream().filter(s -> s.getMetadata().getName().equals("reviews"))
                .forEach(s -> s.getMetadata().getLabels().remove("istio.io/use-waypoint"));
        AmbientLeg leg = request(AmbientJudge.of(plan), workload(plan, "sleep", "cluster1", "bookinfo-backend"), REVIEWS).get(0);
        assertEquals(503, leg.status());
        assertEquals("inner TLS handshake refused by the client's ztunnel: waypoint bookinfo-backend/waypoint of cluster2 presents "
                + "spiffe://ambient/ns/bookinfo-backend/sa/waypoint, it accepts [spiffe://ambient/ns/bookinfo-backend/sa/bookinfo-reviews]",
                leg.reason());
    }

    @Test
    void aServiceEntryHostNeverReachesAnotherNetworkInUpstreamIstio() throws Exception {
        // Solo's flavor keeps the ServiceEntries of mesh.internal; upstream istiod drops their remote-network endpoints
        MeshPlan plan = plan(Files.readString(STACK).replace("      mode: ambient\n", "      mode: ambient\n      eastWestGatewayFlavor: solo\n"));
        AmbientLeg leg = request(AmbientJudge.of(plan), workload(plan, "sleep", "cluster1", "bookinfo-backend"),
                "reviews.bookinfo-backend.mesh.internal").get(0);
        assertEquals(503, leg.status());
        assertTrue(leg.reason().startsWith("no healthy upstream: ztunnel of sleep in cluster1/bookinfo-backend has no endpoint for "
                + "reviews.bookinfo-backend.mesh.internal:9080 (its view lists 0 workloads of it)"), leg.reason());
    }
}
