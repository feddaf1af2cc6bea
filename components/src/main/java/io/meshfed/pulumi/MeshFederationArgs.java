package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Inputs of {@link MeshFederation}. {@code spec} and {@code cluster} are plain (not {@code Output}):
 * they decide which resources exist, so they must be known when the component is constructed.
 */
public final class MeshFederationArgs extends ResourceArgs {

    /** The mesh spec as YAML or JSON (a bare spec or a Pulumi stack file holding it). */
    @Import(name = "spec", required = true)
    private String spec;

    /** The name of the cluster, as declared in the spec. */
    @Import(name = "cluster", required = true)
    private String cluster;

    /**
     * Cluster → east-west gateway address, for clusters whose address the spec does not declare
     * (e.g. {@code EastWestGateway.address}); replaces the placeholders the translation wrote.
     */
    @Import(name = "gatewayAddresses")
    private @Nullable Output<Map<String, String>> gatewayAddresses;

    public MeshFederationArgs() {
    }

    public String spec() {
        return spec;
    }

    public String cluster() {
        return cluster;
    }

    public @Nullable Output<Map<String, String>> gatewayAddresses() {
        return gatewayAddresses;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final MeshFederationArgs args = new MeshFederationArgs();

        public Builder spec(String spec) {
            args.spec = spec;
            return this;
        }

        public Builder cluster(String cluster) {
            args.cluster = cluster;
            return this;
        }

        public Builder gatewayAddresses(Output<Map<String, String>> gatewayAddresses) {
            args.gatewayAddresses = gatewayAddresses;
            return this;
        }

        public Builder gatewayAddresses(Map<String, String> gatewayAddresses) {
            return gatewayAddresses(Output.of(gatewayAddresses));
        }

        public MeshFederationArgs build() {
            Objects.requireNonNull(args.spec, "spec");
            Objects.requireNonNull(args.cluster, "cluster");
            return args;
        }
    }
}
