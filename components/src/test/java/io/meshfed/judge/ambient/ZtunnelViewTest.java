package io.meshfed.judge.ambient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the workload API's protojson (pkg/workloadapi/workload.proto, Istio 1.30.3) as the oracle writes it. */
class ZtunnelViewTest {

    private static final String VIEW = """
            {"addresses": [
              {"service": {"name": "reviews", "namespace": "shop", "hostname": "reviews.shop.svc.cluster.local",
                "addresses": [{"network": "n1", "address": "rBQAAg=="}], "ports": [{"servicePort": 9080, "targetPort": 8080}],
                "subjectAltNames": ["spiffe://td/ns/shop/sa/reviews"],
                "waypoint": {"hostname": {"namespace": "shop", "hostname": "waypoint.shop.svc.cluster.local"}, "hboneMtlsPort": 15008}}},
              {"workload": {"uid": "c1//Pod/shop/reviews-0", "name": "reviews-0", "namespace": "shop", "addresses": ["CmUAAQ=="],
                "network": "n1", "tunnelProtocol": "HBONE", "serviceAccount": "reviews",
                "services": {"shop/reviews.shop.svc.cluster.local": {"ports": [{"servicePort": 9080, "targetPort": 8080}]}}}},
              {"workload": {"uid": "n2/SplitHorizonWorkload/x", "name": "x", "namespace": "shop", "network": "n2",
                "trustDomain": "td", "capacity": 3, "status": "UNHEALTHY",
                "networkGateway": {"address": {"network": "n2", "address": "wKgAAQ=="}, "hboneMtlsPort": 15008},
                "services": {"shop/reviews.shop.svc.cluster.local": {}}}}
            ]}""";

    @Test
    void servicesWorkloadsAndGatewaysAreRead() throws IOException {
        ZtunnelView v = ZtunnelView.parse(VIEW);
        ZService reviews = v.serviceByHostname("reviews.shop.svc.cluster.local").orElseThrow();
        assertEquals("172.20.0.2", reviews.vip("n1").orElseThrow());
        assertEquals(reviews, v.serviceByAddress("n1", "172.20.0.2").orElseThrow());
        assertTrue(v.serviceByAddress("n2", "172.20.0.2").isEmpty(), "VIPs are per network");
        assertEquals("waypoint.shop.svc.cluster.local", reviews.waypoint().hostname());
        assertEquals(15008, reviews.waypoint().hbonePort());
        assertEquals(List.of("spiffe://td/ns/shop/sa/reviews"), reviews.subjectAltNames());
        assertEquals(2, v.endpoints(reviews).size());

        ZWorkload pod = v.workloadByAddress("n1", "10.101.0.1").orElseThrow();
        assertTrue(pod.hbone());
        assertTrue(pod.healthy());
        assertEquals(1, pod.capacity());
        assertEquals("spiffe://cluster.local/ns/shop/sa/reviews", pod.identity(), "an elided trust domain is cluster.local");
        assertEquals(8080, pod.targetPort(reviews, 9080).orElseThrow());

        ZWorkload remote = v.endpoints(reviews).get(1);
        assertFalse(remote.healthy());
        assertEquals(3, remote.capacity());
        assertEquals("spiffe://td/ns/shop/sa/default", remote.identity(), "an elided service account is default");
        assertEquals("192.168.0.1", remote.networkGateway().ip());
        assertNull(remote.waypoint());
        assertEquals(8080, remote.targetPort(reviews, 9080).orElseThrow(), "no mapping of its own: the service's");
    }
}
