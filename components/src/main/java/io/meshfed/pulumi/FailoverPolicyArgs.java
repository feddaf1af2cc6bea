package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.internal.Known;
import io.meshfed.pulumi.inputs.OutlierDetectionArgs;
import io.meshfed.pulumi.inputs.RegionFailoverArgs;
import io.meshfed.pulumi.inputs.ServiceRefArgs;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Inputs of {@link FailoverPolicy}: plain. Failover also shapes the federation's DestinationRules, so
 * the same policy belongs in the {@link MeshFederation}'s {@code failover} (the component says so when
 * it is missing).
 */
public final class FailoverPolicyArgs extends ResourceArgs {

    /** The federation ({@link MeshFederation#reference}). */
    @Import(name = "federation", required = true)
    private Output<FederationReference> federation;

    /**
     * This stack's own {@link MeshCluster}s of federated clusters, to reach them through their
     * providers: needed when the federation comes from another stack (a stack reference), whose
     * providers this stack cannot use.
     */
    @Import(name = "clusters")
    private @Nullable Output<List<ClusterReference>> clusters;

    /** Policy name (default: the component's name). */
    @Import(name = "name")
    private @Nullable String name;

    /** The service that fails over. */
    @Import(name = "service", required = true)
    private ServiceRefArgs service;

    /** Failover priority labels (default: network, then cluster). */
    @Import(name = "priority")
    private @Nullable List<String> priority;

    /** Region failover pairs. */
    @Import(name = "regions")
    private @Nullable List<RegionFailoverArgs> regions;

    /** Outlier detection; required, Envoy only fails over when it ejects endpoints. */
    @Import(name = "outlierDetection", required = true)
    private OutlierDetectionArgs outlierDetection;

    public FailoverPolicyArgs() {
    }

    public Output<FederationReference> federation() {
        return federation;
    }

    public @Nullable Output<List<ClusterReference>> clusters() {
        return clusters;
    }

    public @Nullable String name() {
        return name;
    }

    public ServiceRefArgs service() {
        return service;
    }

    public List<String> priority() {
        return priority == null ? List.of() : priority;
    }

    public List<RegionFailoverArgs> regions() {
        return regions == null ? List.of() : regions;
    }

    public OutlierDetectionArgs outlierDetection() {
        return outlierDetection;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final FailoverPolicyArgs args = new FailoverPolicyArgs();

        public Builder federation(MeshFederation federation) {
            return federation(Known.from(federation, federation.live()));
        }

        public Builder federation(Output<FederationReference> federation) {
            args.federation = federation;
            return this;
        }

        /** This stack's clusters, for a federation from another stack. */
        public Builder clusters(MeshCluster... clusters) {
            return clusters(Known.from(List.of(clusters), java.util.Arrays.stream(clusters).map(MeshCluster::live).toList()));
        }

        public Builder clusters(@Nullable Output<List<ClusterReference>> clusters) {
            args.clusters = clusters;
            return this;
        }

        public Builder name(@Nullable String name) {
            args.name = name;
            return this;
        }

        public Builder service(ServiceRefArgs service) {
            args.service = service;
            return this;
        }

        public Builder priority(List<String> priority) {
            args.priority = List.copyOf(priority);
            return this;
        }

        public Builder regions(List<RegionFailoverArgs> regions) {
            args.regions = List.copyOf(regions);
            return this;
        }

        public Builder outlierDetection(OutlierDetectionArgs outlierDetection) {
            args.outlierDetection = outlierDetection;
            return this;
        }

        public FailoverPolicyArgs build() {
            Objects.requireNonNull(args.federation, "FailoverPolicyArgs.federation");
            Objects.requireNonNull(args.service, "FailoverPolicyArgs.service");
            Objects.requireNonNull(args.outlierDetection, "FailoverPolicyArgs.outlierDetection");
            return args;
        }
    }
}
