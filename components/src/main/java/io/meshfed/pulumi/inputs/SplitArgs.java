package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * A weighted destination of a route: a subset (version) in a cluster; leave the cluster out to let
 * failover priority choose.
 */
public final class SplitArgs extends ResourceArgs {

    /** Pin the destination to this cluster. */
    @Import(name = "cluster")
    @Export(name = "cluster")
    private @Nullable String cluster;

    /** Version (subset) of the destination service. */
    @Import(name = "subset")
    @Export(name = "subset")
    private @Nullable String subset;

    /** Weight in percent; the weights of a route sum to 100. */
    @Import(name = "weight")
    @Export(name = "weight")
    private @Nullable Integer weight;

    public SplitArgs() {
    }

    public @Nullable String cluster() {
        return cluster;
    }

    public @Nullable String subset() {
        return subset;
    }

    public @Nullable Integer weight() {
        return weight;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final SplitArgs value = new SplitArgs();

        public Builder cluster(String cluster) {
            value.cluster = cluster;
            return this;
        }

        public Builder subset(String subset) {
            value.subset = subset;
            return this;
        }

        public Builder weight(Integer weight) {
            value.weight = weight;
            return this;
        }

        public SplitArgs build() {
            return value;
        }
    }
}
