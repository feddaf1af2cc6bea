package io.meshfed.pulumi;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/**
 * Inputs of {@link AccessPolicy}. Both are plain (not {@code Output}): they decide which resources exist,
 * so they must be known when the component is constructed.
 */
public final class AccessPolicyArgs extends ResourceArgs {

    /** The mesh spec as YAML or JSON (a bare spec or a Pulumi stack file holding it). */
    @Import(name = "spec", required = true)
    private String spec;

    /** The name of the cluster, as declared in the spec. */
    @Import(name = "cluster", required = true)
    private String cluster;

    public AccessPolicyArgs() {
    }

    public String spec() {
        return spec;
    }

    public String cluster() {
        return cluster;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final AccessPolicyArgs args = new AccessPolicyArgs();

        public Builder spec(String spec) {
            args.spec = spec;
            return this;
        }

        public Builder cluster(String cluster) {
            args.cluster = cluster;
            return this;
        }

        public AccessPolicyArgs build() {
            Objects.requireNonNull(args.spec, "spec");
            Objects.requireNonNull(args.cluster, "cluster");
            return args;
        }
    }
}
