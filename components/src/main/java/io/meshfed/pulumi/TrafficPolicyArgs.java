package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.internal.Known;
import io.meshfed.pulumi.inputs.RouteArgs;
import io.meshfed.pulumi.inputs.ServiceRefArgs;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/** Inputs of {@link TrafficPolicy}: plain, they decide which routes exist where. */
public final class TrafficPolicyArgs extends ResourceArgs {

    /** The federation the destination belongs to ({@link MeshFederation#reference}, also through a stack reference). */
    @Import(name = "federation", required = true)
    private Output<FederationReference> federation;

    /**
     * This stack's own {@link MeshCluster}s of federated clusters, to reach them through their
     * providers: needed when the federation comes from another stack (a stack reference), whose
     * providers this stack cannot use.
     */
    @Import(name = "clusters")
    private @Nullable Output<List<ClusterReference>> clusters;

    /** Policy name (names its VirtualService or HTTPRoute; default: the component's name). */
    @Import(name = "name")
    private @Nullable String name;

    /** The destination service. */
    @Import(name = "destination", required = true)
    private ServiceRefArgs destination;

    /** Clusters whose callers are routed (default: every cluster that can reach the destination). */
    @Import(name = "sourceClusters")
    private @Nullable List<String> sourceClusters;

    /** Routes in order; the first match wins. */
    @Import(name = "routes", required = true)
    private List<RouteArgs> routes;

    public TrafficPolicyArgs() {
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

    public ServiceRefArgs destination() {
        return destination;
    }

    public List<String> sourceClusters() {
        return sourceClusters == null ? List.of() : sourceClusters;
    }

    public List<RouteArgs> routes() {
        return routes == null ? List.of() : routes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final TrafficPolicyArgs args = new TrafficPolicyArgs();

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

        public Builder destination(ServiceRefArgs destination) {
            args.destination = destination;
            return this;
        }

        public Builder sourceClusters(List<String> sourceClusters) {
            args.sourceClusters = List.copyOf(sourceClusters);
            return this;
        }

        public Builder sourceClusters(String... sourceClusters) {
            return sourceClusters(List.of(sourceClusters));
        }

        public Builder routes(List<RouteArgs> routes) {
            args.routes = List.copyOf(routes);
            return this;
        }

        public Builder routes(RouteArgs... routes) {
            return routes(List.of(routes));
        }

        public TrafficPolicyArgs build() {
            Objects.requireNonNull(args.federation, "TrafficPolicyArgs.federation");
            Objects.requireNonNull(args.destination, "TrafficPolicyArgs.destination");
            Objects.requireNonNull(args.routes, "TrafficPolicyArgs.routes");
            return args;
        }
    }
}
