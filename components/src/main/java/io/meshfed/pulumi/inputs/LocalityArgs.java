package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Region and zone of a cluster, as in topology.kubernetes.io/region and /zone.
 */
public final class LocalityArgs extends ResourceArgs {

    /** The region, e.g. {@code eu-west-1}. */
    @Import(name = "region")
    @Export(name = "region")
    private @Nullable String region;

    /** The zone within the region; needs a region. */
    @Import(name = "zone")
    @Export(name = "zone")
    private @Nullable String zone;

    public LocalityArgs() {
    }

    public @Nullable String region() {
        return region;
    }

    public @Nullable String zone() {
        return zone;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final LocalityArgs value = new LocalityArgs();

        public Builder region(String region) {
            value.region = region;
            return this;
        }

        public Builder zone(String zone) {
            value.zone = zone;
            return this;
        }

        public LocalityArgs build() {
            return value;
        }
    }
}
