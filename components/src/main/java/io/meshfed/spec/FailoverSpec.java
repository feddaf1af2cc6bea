package io.meshfed.spec;

import java.util.List;

/**
 * Failover for one service: endpoints are preferred by the {@code priority} labels (Istio's
 * failoverPriority) and region failover pairs; outlier detection is mandatory because Envoy only
 * fails over when it ejects unhealthy endpoints.
 */
public record FailoverSpec(
        String name,
        ServiceRef service,
        List<String> priority,
        List<RegionFailover> regions,
        OutlierDetectionSpec outlierDetection) {

    public static final List<String> DEFAULT_PRIORITY = List.of("topology.istio.io/network", "topology.istio.io/cluster");

    public FailoverSpec {
        priority = priority == null || priority.isEmpty() ? DEFAULT_PRIORITY : Lists.of(priority);
        regions = Lists.of(regions);
    }

    public record RegionFailover(String from, String to) {
    }
}
