package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A service running in one cluster (an entry of the service inventory).
 */
public final class ServiceArgs extends ResourceArgs {

    /** Service name. */
    @Import(name = "name", required = true)
    @Export(name = "name")
    private String name;

    /** Namespace (default {@code default}). */
    @Import(name = "namespace")
    @Export(name = "namespace")
    private @Nullable String namespace;

    /** The cluster it runs in. */
    @Import(name = "cluster", required = true)
    @Export(name = "cluster")
    private String cluster;

    /** Service account of its pods (default {@code default}). */
    @Import(name = "serviceAccount")
    @Export(name = "serviceAccount")
    private @Nullable String serviceAccount;

    /** Its ports; at least one. */
    @Import(name = "ports")
    @Export(name = "ports")
    private @Nullable List<PortArgs> ports;

    /** Versions running (pod label {@code version}), e.g. v1, v2. */
    @Import(name = "versions")
    @Export(name = "versions")
    private @Nullable List<String> versions;

    /** Pod labels selecting its workloads (default {@code app: <name>}). */
    @Import(name = "labels")
    @Export(name = "labels")
    private @Nullable Map<String, String> labels;

    public ServiceArgs() {
    }

    public String name() {
        return name;
    }

    public @Nullable String namespace() {
        return namespace;
    }

    public String cluster() {
        return cluster;
    }

    public @Nullable String serviceAccount() {
        return serviceAccount;
    }

    public List<PortArgs> ports() {
        return ports == null ? List.of() : ports;
    }

    public List<String> versions() {
        return versions == null ? List.of() : versions;
    }

    public Map<String, String> labels() {
        return labels == null ? Map.of() : labels;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ServiceArgs value = new ServiceArgs();

        public Builder name(String name) {
            value.name = name;
            return this;
        }

        public Builder namespace(String namespace) {
            value.namespace = namespace;
            return this;
        }

        public Builder cluster(String cluster) {
            value.cluster = cluster;
            return this;
        }

        public Builder serviceAccount(String serviceAccount) {
            value.serviceAccount = serviceAccount;
            return this;
        }

        public Builder ports(List<PortArgs> ports) {
            value.ports = ports == null ? null : List.copyOf(ports);
            return this;
        }

        public Builder ports(PortArgs... ports) {
            return ports(List.of(ports));
        }

        public Builder versions(List<String> versions) {
            value.versions = versions == null ? null : List.copyOf(versions);
            return this;
        }

        public Builder versions(String... versions) {
            return versions(List.of(versions));
        }

        public Builder labels(Map<String, String> labels) {
            value.labels = labels == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
            return this;
        }

        public ServiceArgs build() {
            Objects.requireNonNull(value.name, "ServiceArgs.name");
            Objects.requireNonNull(value.cluster, "ServiceArgs.cluster");
            return value;
        }
    }
}
