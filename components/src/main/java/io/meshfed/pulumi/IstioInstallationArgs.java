package io.meshfed.pulumi;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/**
 * Inputs of {@link IstioInstallation}. Both are plain (not {@code Output}): they decide which resources exist,
 * so they must be known when the component is constructed.
 */
public final class IstioInstallationArgs extends ResourceArgs {

    /** The mesh spec as YAML or JSON (a bare spec or a Pulumi stack file holding it). */
    @Import(name = "spec", required = true)
    private String spec;

    /** The name of the cluster, as declared in the spec. */
    @Import(name = "cluster", required = true)
    private String cluster;

    public IstioInstallationArgs() {
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
        private final IstioInstallationArgs args = new IstioInstallationArgs();

        public Builder spec(String spec) {
            args.spec = spec;
            return this;
        }

        public Builder cluster(String cluster) {
            args.cluster = cluster;
            return this;
        }

        public IstioInstallationArgs build() {
            Objects.requireNonNull(args.spec, "spec");
            Objects.requireNonNull(args.cluster, "cluster");
            return args;
        }
    }
}
