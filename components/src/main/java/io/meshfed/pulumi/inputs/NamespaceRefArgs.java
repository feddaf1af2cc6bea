package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A namespace in one cluster, or in every cluster when the cluster is left out.
 */
public final class NamespaceRefArgs extends ResourceArgs {

    /** Cluster (default: every cluster). */
    @Import(name = "cluster")
    @Export(name = "cluster")
    private @Nullable String cluster;

    /** Namespace. */
    @Import(name = "namespace", required = true)
    @Export(name = "namespace")
    private String namespace;

    public NamespaceRefArgs() {
    }

    public @Nullable String cluster() {
        return cluster;
    }

    public String namespace() {
        return namespace;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final NamespaceRefArgs value = new NamespaceRefArgs();

        public Builder cluster(String cluster) {
            value.cluster = cluster;
            return this;
        }

        public Builder namespace(String namespace) {
            value.namespace = namespace;
            return this;
        }

        public NamespaceRefArgs build() {
            Objects.requireNonNull(value.namespace, "NamespaceRefArgs.namespace");
            return value;
        }
    }
}
