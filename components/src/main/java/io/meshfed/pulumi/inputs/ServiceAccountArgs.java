package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A Kubernetes service account, in one cluster or in any.
 */
public final class ServiceAccountArgs extends ResourceArgs {

    /** Cluster (default: any). */
    @Import(name = "cluster")
    @Export(name = "cluster")
    private @Nullable String cluster;

    /** Namespace. */
    @Import(name = "namespace", required = true)
    @Export(name = "namespace")
    private String namespace;

    /** Service account name. */
    @Import(name = "name", required = true)
    @Export(name = "name")
    private String name;

    public ServiceAccountArgs() {
    }

    public @Nullable String cluster() {
        return cluster;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ServiceAccountArgs value = new ServiceAccountArgs();

        public Builder cluster(String cluster) {
            value.cluster = cluster;
            return this;
        }

        public Builder namespace(String namespace) {
            value.namespace = namespace;
            return this;
        }

        public Builder name(String name) {
            value.name = name;
            return this;
        }

        public ServiceAccountArgs build() {
            Objects.requireNonNull(value.namespace, "ServiceAccountArgs.namespace");
            Objects.requireNonNull(value.name, "ServiceAccountArgs.name");
            return value;
        }
    }
}
