package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Send traffic of one region to another when it fails.
 */
public final class RegionFailoverArgs extends ResourceArgs {

    /** Region that fails. */
    @Import(name = "from", required = true)
    @Export(name = "from")
    private String from;

    /** Region that takes over. */
    @Import(name = "to", required = true)
    @Export(name = "to")
    private String to;

    public RegionFailoverArgs() {
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RegionFailoverArgs value = new RegionFailoverArgs();

        public Builder from(String from) {
            value.from = from;
            return this;
        }

        public Builder to(String to) {
            value.to = to;
            return this;
        }

        public RegionFailoverArgs build() {
            Objects.requireNonNull(value.from, "RegionFailoverArgs.from");
            Objects.requireNonNull(value.to, "RegionFailoverArgs.to");
            return value;
        }
    }
}
