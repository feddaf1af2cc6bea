package io.meshfed.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.Examples;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverOrdersTest {

    @Test
    void smhWorkshopReviewsFailOverToTheOtherBackingClusterOnlyFromABackingCluster() {
        List<FailoverStep> steps = MeshTopology.of(Examples.plan("smh-workshop")).failovers();
        assertEquals(List.of(
                new FailoverStep("reviews-failover", "reviews", "default", "kind2", "kind3", 1),
                new FailoverStep("reviews-failover", "reviews", "default", "kind3", "kind2", 1)), steps,
                "kind1 backs no reviews and shares no network with either backing cluster: one tier, no failover");
    }

    @Test
    void priorityLabelsMakeTiersInOrder() {
        var spec = SpecLoader.load("""
                name: tiers
                clusters:
                  - {name: a, network: n1, locality: {region: east}, eastWestGateway: {address: 10.0.0.1}}
                  - {name: b, network: n1, locality: {region: west}, eastWestGateway: {address: 10.0.0.2}}
                  - {name: c, network: n2, locality: {region: east}, eastWestGateway: {address: 10.0.0.3}}
                  - {name: d, network: n3, locality: {region: west}, eastWestGateway: {address: 10.0.0.4}}
                services:
                  - {name: api, cluster: a, ports: [{name: http, number: 80}]}
                  - {name: api, cluster: b, ports: [{name: http, number: 80}]}
                  - {name: api, cluster: c, ports: [{name: http, number: 80}]}
                  - {name: api, cluster: d, ports: [{name: http, number: 80}]}
                federation:
                  exports: [{service: api}]
                failover:
                  - name: api-failover
                    service: {service: api}
                    priority: [topology.istio.io/network, topology.kubernetes.io/region]
                    outlierDetection: {consecutive5xxErrors: 3, interval: 5s, baseEjectionTime: 30s}
                """, "tiers.yaml");
        List<FailoverStep> fromA = MeshTopology.of(Examples.plan(spec)).failovers().stream().filter(s -> s.fromCluster().equals("a")).toList();
        assertEquals(List.of(
                new FailoverStep("api-failover", "api", "default", "a", "b", 1),
                new FailoverStep("api-failover", "api", "default", "a", "c", 2),
                new FailoverStep("api-failover", "api", "default", "a", "d", 2)), fromA,
                "same network (b) first; c (same region, other network) and d (nothing shared) both mismatch at the first label");
    }
}
