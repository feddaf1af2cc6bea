package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * A fixed delay injected into a share of requests.
 */
public final class DelayArgs extends ResourceArgs {

    /** The delay, a duration such as {@code 5s}. */
    @Import(name = "fixedDelay")
    @Export(name = "fixedDelay")
    private @Nullable String fixedDelay;

    /** Share of requests in percent (default 100). */
    @Import(name = "percent")
    @Export(name = "percent")
    private @Nullable Double percent;

    public DelayArgs() {
    }

    public @Nullable String fixedDelay() {
        return fixedDelay;
    }

    public @Nullable Double percent() {
        return percent;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final DelayArgs value = new DelayArgs();

        public Builder fixedDelay(String fixedDelay) {
            value.fixedDelay = fixedDelay;
            return this;
        }

        public Builder percent(Double percent) {
            value.percent = percent;
            return this;
        }

        public DelayArgs build() {
            return value;
        }
    }
}
