package io.meshfed.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.Locality;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.type.v3.Percent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadBalancingTest {

    private static final String C = "outbound|9080||reviews.shop.global";

    private static LocalityLbEndpoints group(int priority, String zone, int localityWeight, LbEndpoint... eps) {
        LocalityLbEndpoints.Builder b = LocalityLbEndpoints.newBuilder().setPriority(priority)
                .setLocality(Locality.newBuilder().setRegion("r1").setZone(zone)).addAllLbEndpoints(List.of(eps));
        if (localityWeight > 0) {
            b.setLoadBalancingWeight(UInt32Value.of(localityWeight));
        }
        return b.build();
    }

    private static ProxyConfig config(Cluster cluster, LocalityLbEndpoints... groups) {
        ClusterLoadAssignment cla = ClusterLoadAssignment.newBuilder().setClusterName(C).addAllEndpoints(List.of(groups)).build();
        return ProxyConfig.of(Envoy.dump(List.of(), List.of(cluster), List.of(), List.of(cla)));
    }

    /** address → share rounded to 1e-9, unhealthy ones marked with "!". */
    private static Map<String, Double> shares(ProxyConfig config, Set<String> ejected) {
        Map<String, Double> out = new LinkedHashMap<>();
        double sum = 0;
        for (EndpointShare s : LoadBalancing.shares(config, C, ejected)) {
            out.put(s.address() + (s.healthy() ? "" : "!"), Math.round(s.share() * 1e9) / 1e9);
            sum += s.share();
        }
        assertEquals(1.0, sum, 1e-9);
        return out;
    }

    private static LbEndpoint ep(String ip) {
        return Envoy.endpoint(ip, 9080);
    }

    @Test
    void hostWeightsSplitAPriority() {
        ProxyConfig config = config(Envoy.edsCluster(C),
                group(0, "z1", 0, Envoy.endpoint("10.0.0.1", 9080, 3), Envoy.endpoint("10.0.0.2", 9080, 1)));

        assertEquals(Map.of("10.0.0.1:9080", 0.75, "10.0.0.2:9080", 0.25), shares(config, Set.of()));
    }

    @Test
    void randomIgnoresHostWeights() {
        ProxyConfig config = config(Envoy.edsCluster(C).toBuilder().setLbPolicy(Cluster.LbPolicy.RANDOM).build(),
                group(0, "z1", 0, Envoy.endpoint("10.0.0.1", 9080, 3), Envoy.endpoint("10.0.0.2", 9080, 1)));

        assertEquals(Map.of("10.0.0.1:9080", 0.5, "10.0.0.2:9080", 0.5), shares(config, Set.of()));
    }

    @Test
    void allOfP0EjectedFailsOverEntirelyToP1() {
        ProxyConfig config = config(Envoy.edsCluster(C),
                group(0, "z1", 0, ep("10.0.0.1"), ep("10.0.0.2")),
                group(1, "z2", 0, ep("10.0.1.1")));

        assertEquals(Map.of("10.0.0.1:9080", 0.5, "10.0.0.2:9080", 0.5), shares(config, Set.of()));
        assertEquals(Map.of("10.0.1.1:9080", 1.0), shares(config, Set.of("10.0.0.1:9080", "10.0.0.2:9080")));
    }

    /**
     * P0 10 hosts, 8 ejected: health 1.4 × 2/10 = 28; P1 2 hosts, 1 marked UNHEALTHY by EDS: 70.
     * Total 98 → P0 29 % (28 + rounding remainder), P1 71 % (see PriorityLoadTest). P0 (20 % healthy)
     * is in panic, so its 29 % is spread over all 10 hosts, 2.9 % each, and 23.2 % of requests land on
     * ejected hosts; P1 is not in panic, so its 71 % goes to its one healthy host.
     */
    @Test
    void partialHealthFollowsOverprovisioningAndPanic() {
        LbEndpoint[] p0 = new LbEndpoint[10];
        for (int i = 0; i < 10; i++) {
            p0[i] = ep("10.0.0." + i);
        }
        LbEndpoint down = ep("10.0.1.2").toBuilder().setHealthStatus(HealthStatus.UNHEALTHY).build();
        ProxyConfig config = config(Envoy.edsCluster(C), group(0, "z1", 0, p0), group(1, "z2", 0, ep("10.0.1.1"), down));
        Set<String> ejected = Set.of("10.0.0.2:9080", "10.0.0.3:9080", "10.0.0.4:9080", "10.0.0.5:9080",
                "10.0.0.6:9080", "10.0.0.7:9080", "10.0.0.8:9080", "10.0.0.9:9080");

        Map<String, Double> s = shares(config, ejected);

        assertEquals(0.029, s.get("10.0.0.0:9080"));
        assertEquals(0.029, s.get("10.0.0.9:9080!"));
        assertEquals(0.71, s.get("10.0.1.1:9080"));
        assertEquals(11, s.size());
        double failing = LoadBalancing.shares(config, C, ejected).stream().filter(e -> !e.healthy())
                .mapToDouble(EndpointShare::share).sum();
        assertEquals(0.232, failing, 1e-9);
    }

    @Test
    void panicThresholdZeroWithNothingHealthyPicksNoHost() {
        Cluster noPanic = Envoy.edsCluster(C).toBuilder().setCommonLbConfig(Cluster.CommonLbConfig.newBuilder()
                .setHealthyPanicThreshold(Percent.newBuilder().setValue(0))).build();
        ProxyConfig config = config(noPanic, group(0, "z1", 0, ep("10.0.0.1")));

        assertEquals(List.of(), LoadBalancing.shares(config, C, Set.of("10.0.0.1:9080")));
    }

    /**
     * Locality weighted: z1 weight 1 (2 hosts, both healthy), z2 weight 3 (4 hosts, 1 healthy:
     * effective 3 × min(1, 1.4 × 1/4) = 1.05). z1 gets 1/2.05, z2 1.05/2.05. Priority health
     * 1.4 × 3/6 = 70 and it is the only priority, so it takes 100 % and is not in panic (50 %).
     */
    @Test
    void localityWeightsScaleWithLocalityHealth() {
        Cluster weighted = Envoy.edsCluster(C).toBuilder().setCommonLbConfig(Cluster.CommonLbConfig.newBuilder()
                .setLocalityWeightedLbConfig(Cluster.CommonLbConfig.LocalityWeightedLbConfig.getDefaultInstance())).build();
        ProxyConfig config = config(weighted,
                group(0, "z1", 1, ep("10.0.0.1"), ep("10.0.0.2")),
                group(0, "z2", 3, ep("10.0.1.1"), ep("10.0.1.2"), ep("10.0.1.3"), ep("10.0.1.4")));
        Set<String> ejected = Set.of("10.0.1.2:9080", "10.0.1.3:9080", "10.0.1.4:9080");

        Map<String, Double> s = shares(config, ejected);

        assertEquals(Math.round(0.5 / 2.05 * 1e9) / 1e9, s.get("10.0.0.1:9080"));
        assertEquals(Math.round(1.05 / 2.05 * 1e9) / 1e9, s.get("10.0.1.1:9080"));
        assertEquals(3, s.size());
        // without locality weighting the 3 healthy hosts share equally
        Map<String, Double> plain = shares(config(Envoy.edsCluster(C),
                group(0, "z1", 1, ep("10.0.0.1"), ep("10.0.0.2")),
                group(0, "z2", 3, ep("10.0.1.1"), ep("10.0.1.2"), ep("10.0.1.3"), ep("10.0.1.4"))), ejected);
        assertEquals(Math.round(1e9 / 3.0) / 1e9, plain.get("10.0.1.1:9080"));
    }

    @Test
    void overprovisioningFactorComesFromTheAssignmentPolicy() {
        ClusterLoadAssignment cla = ClusterLoadAssignment.newBuilder().setClusterName(C)
                .setPolicy(ClusterLoadAssignment.Policy.newBuilder().setOverprovisioningFactor(UInt32Value.of(100)))
                .addEndpoints(group(0, "z1", 0, ep("10.0.0.1"), ep("10.0.0.2"), ep("10.0.0.3"), ep("10.0.0.4")))
                .addEndpoints(group(1, "z2", 0, ep("10.0.1.1"))).build();
        ProxyConfig config = ProxyConfig.of(Envoy.dump(List.of(), List.of(Envoy.edsCluster(C)), List.of(), List.of(cla)));

        // 3 of 4 healthy: factor 1.0 gives P0 75 % (factor 1.4 would give 100 %)
        Map<String, Double> s = shares(config, Set.of("10.0.0.4:9080"));
        assertEquals(0.25, s.get("10.0.0.1:9080"));
        assertEquals(0.25, s.get("10.0.1.1:9080"));
    }

    @Test
    void originalDestinationClustersAreNotBalanced() {
        Cluster passthrough = Cluster.newBuilder().setName(C).setType(Cluster.DiscoveryType.ORIGINAL_DST).build();
        ProxyConfig config = ProxyConfig.of(Envoy.dump(List.of(), List.of(passthrough), List.of(), List.of()));

        assertThrows(UnsupportedOperationException.class, () -> LoadBalancing.shares(config, C, Set.of()));
    }
}
