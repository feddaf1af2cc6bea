package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Destination workloads: in these clusters (all when empty), namespaces (all declared ones when
 * empty), services, or pods with these labels.
 */
public final class DestinationSelectorArgs extends ResourceArgs {

    /** Clusters. */
    @Import(name = "clusters")
    @Export(name = "clusters")
    private @Nullable List<String> clusters;

    /** Namespaces. */
    @Import(name = "namespaces")
    @Export(name = "namespaces")
    private @Nullable List<String> namespaces;

    /** Services. */
    @Import(name = "services")
    @Export(name = "services")
    private @Nullable List<String> services;

    /** Pod labels. */
    @Import(name = "labels")
    @Export(name = "labels")
    private @Nullable Map<String, String> labels;

    public DestinationSelectorArgs() {
    }

    public List<String> clusters() {
        return clusters == null ? List.of() : clusters;
    }

    public List<String> namespaces() {
        return namespaces == null ? List.of() : namespaces;
    }

    public List<String> services() {
        return services == null ? List.of() : services;
    }

    public Map<String, String> labels() {
        return labels == null ? Map.of() : labels;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final DestinationSelectorArgs value = new DestinationSelectorArgs();

        public Builder clusters(List<String> clusters) {
            value.clusters = clusters == null ? null : List.copyOf(clusters);
            return this;
        }

        public Builder clusters(String... clusters) {
            return clusters(List.of(clusters));
        }

        public Builder namespaces(List<String> namespaces) {
            value.namespaces = namespaces == null ? null : List.copyOf(namespaces);
            return this;
        }

        public Builder namespaces(String... namespaces) {
            return namespaces(List.of(namespaces));
        }

        public Builder services(List<String> services) {
            value.services = services == null ? null : List.copyOf(services);
            return this;
        }

        public Builder services(String... services) {
            return services(List.of(services));
        }

        public Builder labels(Map<String, String> labels) {
            value.labels = labels == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
            return this;
        }

        public DestinationSelectorArgs build() {
            return value;
        }
    }
}
