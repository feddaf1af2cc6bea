package io.meshfed.spec;

import java.util.List;
import java.util.Map;

/** A service declared to run in one cluster (the inventory used where live discovery is absent). */
public record ServiceSpec(
        String name,
        String namespace,
        String cluster,
        String serviceAccount,
        List<PortSpec> ports,
        List<String> versions,
        Map<String, String> labels) {

    public ServiceSpec {
        namespace = namespace == null ? "default" : namespace;
        ports = Lists.of(ports);
        versions = Lists.of(versions);
        labels = Lists.of(labels);
    }

    /** The pod labels that select this service's workloads; {@code app: <name>} unless declared. */
    public Map<String, String> selector() {
        return labels.isEmpty() ? Map.of("app", name) : labels;
    }

    public String effectiveServiceAccount() {
        return serviceAccount == null || serviceAccount.isBlank() ? "default" : serviceAccount;
    }

    public String localHost() {
        return name + "." + namespace + ".svc.cluster.local";
    }
}
