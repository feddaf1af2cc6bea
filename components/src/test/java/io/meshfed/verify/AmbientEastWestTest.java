package io.meshfed.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.Examples;
import io.meshfed.translate.MeshPlan;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The rendered ambient example stack as Istio 1.30.3's ambient index reads it
 * (pilot/pkg/serviceregistry/ambient/networks.go, workloads.go convertGateway): productpage in
 * cluster1 reaches reviews in cluster2 through cluster1's istio-remote peer and cluster2's
 * east-west gateway, and each way of getting that wrong is named.
 */
class AmbientEastWestTest {

    private static String stack() throws Exception {
        return Files.readString(Examples.stackFile("ambient"));
    }

    private static MeshSpec spec(String stackText) {
        return SpecLoader.parse(stackText, "ambient");
    }

    private static String solo(String stackText) {
        return stackText.replace("      mode: ambient\n", "      mode: ambient\n      eastWestGatewayFlavor: solo\n");
    }

    /** The mTLS problem of productpage → reviews, the simulator seeing the objects of {@code plan} under {@code spec}. */
    private static String productpageToReviews(MeshSpec spec, MeshPlan plan) {
        MeshSimulator sim = new MeshSimulator(new MeshPlan(spec, plan.clusters(), plan.rootFingerprintSha256()));
        return sim.mtlsProblem(sim.workload("productpage", "cluster1", "bookinfo-frontend"), sim.workload("reviews", "cluster2", "bookinfo-backend"));
    }

    @Test
    void theRenderedStackReachesTheOtherClusterInEitherFlavor() throws Exception {
        assertNull(productpageToReviews(spec(stack()), Examples.plan("ambient")));
        assertNull(productpageToReviews(spec(solo(stack())), Examples.plan(SpecLoader.load(solo(stack()), "ambient"))));
    }

    @Test
    void upstreamIstioIgnoresAnEastWestGatewayOfSolosForm() throws Exception {
        // pkg/config/constants/constants.go: istio-east-west; networks.go: HBONE listener with tls mode Terminate.
        MeshPlan plan = Examples.plan("ambient");
        Gateway soloForm = Examples.plan(SpecLoader.load(solo(stack()), "ambient")).cluster("cluster2").ofType(Gateway.class).stream()
                .filter(g -> g.getMetadata().getName().equals("istio-eastwest")).findFirst().orElseThrow();
        plan.cluster("cluster2").ofType(Gateway.class).stream().filter(g -> g.getMetadata().getName().equals("istio-eastwest"))
                .forEach(g -> g.setSpec(soloForm.getSpec()));
        assertEquals("WorkloadEntry bookinfo-backend/reviews-cluster2-v1 of reviews.bookinfo-backend.svc.cluster.local in cluster1: "
                + "cluster cluster2 renders no istio-east-west gateway with an HBONE listener on [15008] in tls mode Terminate",
                productpageToReviews(spec(stack()), plan));
    }

    @Test
    void withoutAGlobalServiceZtunnelGetsNoRemoteEndpoint() throws Exception {
        // multicluster.go coalescedWorkloads: remote-network workloads only for GLOBAL services (Istio 1.30.3)
        MeshPlan plan = Examples.plan("ambient");
        plan.cluster("cluster1").ofType(io.fabric8.kubernetes.api.model.Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals("reviews")).forEach(s -> s.getMetadata().getLabels().remove("istio.io/global"));
        assertEquals("no global Service reviews.bookinfo-backend.svc.cluster.local (istio.io/global) is rendered in cluster1, so ztunnel "
                + "there gets no endpoint of another network for it", productpageToReviews(spec(stack()), plan));
    }

    @Test
    void aPeerAtAnotherAddressLeadsNowhere() throws Exception {
        MeshPlan plan = Examples.plan("ambient");
        plan.cluster("cluster1").ofType(Gateway.class).stream().filter(g -> g.getMetadata().getName().equals("istio-remote-peer-cluster2"))
                .forEach(g -> g.getSpec().getAddresses().get(0).setValue("ew.elsewhere.example.com"));
        assertEquals("istio-remote gateway istio-gateways/istio-remote-peer-cluster2 in cluster1 points at [ew.elsewhere.example.com], "
                + "not at the east-west gateway of cluster2 (ew.cluster2.example.com)",
                productpageToReviews(spec(stack()), plan).replaceFirst("^WorkloadEntry bookinfo-backend/reviews-cluster2-v1 of "
                        + "reviews.bookinfo-backend.svc.cluster.local in cluster1: ", ""));
    }

    @Test
    void perClusterTrustDomainsGiveTheRemoteGatewayTheLocalTrustDomainAndFail() throws Exception {
        // workloads.go convertGateway (Istio 1.30.3): TrustDomain pickTrustDomain(local mesh config); istio/istio#61608.
        // The spec meshfed accepted before ambient meshes had one trust domain.
        MeshSpec perCluster = spec(stack().replace("        network: cluster1\n", "        network: cluster1\n        trustDomain: cluster1\n")
                .replace("        network: cluster2\n", "        network: cluster2\n        trustDomain: cluster2\n"));
        assertEquals("istio-remote gateway istio-gateways/istio-remote-peer-cluster2 in cluster1 gives the east-west gateway of cluster2 "
                + "the identity spiffe://cluster1/ns/istio-gateways/sa/istio-eastwest, but it is spiffe://cluster2/ns/istio-gateways/sa/istio-eastwest",
                productpageToReviews(perCluster, Examples.plan("ambient")).replaceFirst("^WorkloadEntry bookinfo-backend/reviews-cluster2-v1 of "
                        + "reviews.bookinfo-backend.svc.cluster.local in cluster1: ", ""));
    }
}
