package io.meshfed.spec;

import java.util.List;
import java.util.Map;

/**
 * Selects destination workloads: in these clusters (all when empty), these namespaces (all
 * declared ones when empty), these services or pods with these labels.
 */
public record DestinationSelectorSpec(List<String> clusters, List<String> namespaces, List<String> services, Map<String, String> labels) {

    public DestinationSelectorSpec {
        clusters = Lists.of(clusters);
        namespaces = Lists.of(namespaces);
        services = Lists.of(services);
        labels = Lists.of(labels);
    }

    static DestinationSelectorSpec everything() {
        return new DestinationSelectorSpec(null, null, null, null);
    }
}
