package io.meshfed.topology;

import java.util.List;

/**
 * A federated service: the global host, the clusters whose workloads back it (exported from) and
 * the other clusters that consume it (exported to). Backing clusters also reach each other.
 */
public record ExportedService(String service, String namespace, String host, List<String> backing, List<String> consumers) {

    public ExportedService {
        backing = List.copyOf(backing);
        consumers = List.copyOf(consumers);
    }

    /** {@code name.namespace}, as the route table names services. */
    public String qualifiedName() {
        return service + "." + namespace;
    }
}
