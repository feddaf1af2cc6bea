package io.meshfed.judge.ambient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ztunnel's routing preferences (istio/ztunnel 1.30.3 src/state.rs load_balance, src/state/service.rs should_include_endpoint). */
class ZLoadBalancingTest {

    private static ZWorkload workload(String name, String network, String region, boolean healthy) {
        return new ZWorkload("uid-" + name, name, "ns", List.of("10.0.0.1"), null, network, true, "td", "sa", null, null, Map.of(),
                List.of(), healthy, "c1", 1, new ZWorkload.Locality(region, "", ""), "node-1");
    }

    private static ZService service(ZLoadBalancing lb) {
        return new ZService("svc", "ns", "svc.ns.svc.cluster.local", List.of(), List.of(new ZPort(80, 80)), List.of(), null, lb);
    }

    private static final ZWorkload CLIENT = workload("client", "n1", "east", true);
    private static final ZWorkload NEAR = workload("near", "n1", "east", true);
    private static final ZWorkload SAME_NETWORK = workload("same-network", "n1", "west", true);
    private static final ZWorkload FAR = workload("far", "n2", "west", true);
    private static final ZWorkload SICK = workload("sick", "n1", "east", false);

    private static List<String> names(List<ZWorkload> ws) {
        return ws.stream().map(ZWorkload::name).toList();
    }

    @Test
    void withoutPreferencesEveryHealthyEndpointCounts() {
        assertEquals(List.of("near", "same-network", "far"), names(service(null).choosable(CLIENT, List.of(NEAR, SAME_NETWORK, FAR, SICK))));
    }

    @Test
    void failoverKeepsTheHighestRankOnly() {
        ZLoadBalancing lb = new ZLoadBalancing(List.of("NETWORK", "REGION"), "FAILOVER", false);
        assertEquals(List.of("near"), names(service(lb).choosable(CLIENT, List.of(NEAR, SAME_NETWORK, FAR))));
        assertEquals(List.of("same-network"), names(service(lb).choosable(CLIENT, List.of(SAME_NETWORK, FAR))), "ranks are a prefix");
    }

    @Test
    void strictDropsWhatDoesNotMatchEveryPreference() {
        ZLoadBalancing lb = new ZLoadBalancing(List.of("NETWORK", "REGION"), "STRICT", false);
        assertEquals(List.of(), names(service(lb).choosable(CLIENT, List.of(SAME_NETWORK, FAR))));
    }

    @Test
    void allowAllKeepsUnhealthyEndpoints() {
        ZLoadBalancing lb = new ZLoadBalancing(List.of(), "UNSPECIFIED_MODE", true);
        assertEquals(List.of("near", "sick"), names(service(lb).choosable(CLIENT, List.of(NEAR, SICK))));
    }
}
