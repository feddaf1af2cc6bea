package io.meshfed.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How istiod labels endpoints (pilot's AugmentLabels, called for pods and WorkloadEntries alike
 * with the cluster whose registry it reads) and how failoverPriority orders them, including the
 * {@code key=value} form (istio/api#2723).
 */
class IstioEndpointLabelsTest {

    private static final Workload CLIENT = new Workload("kind2", "default", "productpage", "productpage", "v1",
            Inventory.istioLabels("kind2", "network2", "us-east-1/us-east-1a"), "kind2", "us-east-1/us-east-1a");

    @Test
    void theReadingClusterOverwritesAWorkloadEntrysClusterLabel() {
        Map<String, String> we = new TreeMap<>(Map.of("app", "reviews", "topology.istio.io/cluster", "kind3"));
        we.putAll(Inventory.istioLabels("kind2", null, "us-west-1/us-west-1a"));
        assertEquals("kind2", we.get("topology.istio.io/cluster"));
        assertEquals("us-west-1", we.get("topology.kubernetes.io/region"));
        assertEquals(null, we.get("topology.istio.io/network"), "no network on the entry, none added");
    }

    @Test
    void clusterPriorityPutsARemoteWorkloadEntryBesideTheLocalPods() {
        Endpoint local = endpoint("kind2", Inventory.istioLabels("kind2", "network2", "us-east-1/us-east-1a"), true);
        Endpoint remote = endpoint("kind3", Inventory.istioLabels("kind2", null, "us-west-1/us-west-1a"), true);
        Map<Endpoint, Double> shares = LoadBalancer.distribute(List.of(local, remote), CLIENT, priority("topology.istio.io/cluster"));
        assertEquals(0.5, shares.get(local), 1e-9, "both sit in priority 0: no local preference");
        assertEquals(0.5, shares.get(remote), 1e-9);
    }

    @Test
    void aKeyValuePriorityPrefersEndpointsWithThatValue() {
        Endpoint local = endpoint("kind2", Inventory.istioLabels("kind2", "network2", "us-east-1/us-east-1a"), true);
        Endpoint remote = endpoint("kind3", Inventory.istioLabels("kind2", null, "us-west-1/us-west-1a"), true);
        TrafficPolicy ownPodsFirst = priority("topology.istio.io/network", "topology.istio.io/network=network2");
        assertEquals(1.0, LoadBalancer.distribute(List.of(local, remote), CLIENT, ownPodsFirst).get(local), 1e-9);

        Endpoint unhealthyLocal = endpoint("kind2", local.labels(), false);
        Map<Endpoint, Double> failedOver = LoadBalancer.distribute(List.of(unhealthyLocal, remote), CLIENT, ownPodsFirst);
        assertEquals(1.0, failedOver.get(remote), 1e-9);
    }

    private static Endpoint endpoint(String cluster, Map<String, String> labels, boolean healthy) {
        return new Endpoint(cluster, "v1", labels, null, 1, healthy, cluster);
    }

    private static TrafficPolicy priority(String... labels) {
        return new TrafficPolicyBuilder()
                .withNewOutlierDetection().withConsecutive5xxErrors(3).endOutlierDetection()
                .withNewLoadBalancer().withNewLocalityLbSetting().withFailoverPriority(labels).endLocalityLbSetting().endLoadBalancer()
                .build();
    }
}
