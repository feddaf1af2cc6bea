package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import javax.annotation.Nullable;

/**
 * One route of a traffic policy: an optional match, a weighted split, and timeout, retries and fault
 * injection.
 */
public final class RouteArgs extends ResourceArgs {

    /** Route name. */
    @Import(name = "name")
    @Export(name = "name")
    private @Nullable String name;

    /** Which requests take this route (all when absent). */
    @Import(name = "match")
    @Export(name = "match")
    private @Nullable MatchArgs match;

    /** Weighted destinations; at least one. */
    @Import(name = "split")
    @Export(name = "split")
    private @Nullable List<SplitArgs> split;

    /** Request timeout, a duration. */
    @Import(name = "timeout")
    @Export(name = "timeout")
    private @Nullable String timeout;

    /** Retries. */
    @Import(name = "retries")
    @Export(name = "retries")
    private @Nullable RetryArgs retries;

    /** Fault injection. */
    @Import(name = "fault")
    @Export(name = "fault")
    private @Nullable FaultArgs fault;

    public RouteArgs() {
    }

    public @Nullable String name() {
        return name;
    }

    public @Nullable MatchArgs match() {
        return match;
    }

    public List<SplitArgs> split() {
        return split == null ? List.of() : split;
    }

    public @Nullable String timeout() {
        return timeout;
    }

    public @Nullable RetryArgs retries() {
        return retries;
    }

    public @Nullable FaultArgs fault() {
        return fault;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RouteArgs value = new RouteArgs();

        public Builder name(String name) {
            value.name = name;
            return this;
        }

        public Builder match(MatchArgs match) {
            value.match = match;
            return this;
        }

        public Builder split(List<SplitArgs> split) {
            value.split = split == null ? null : List.copyOf(split);
            return this;
        }

        public Builder split(SplitArgs... split) {
            return split(List.of(split));
        }

        public Builder timeout(String timeout) {
            value.timeout = timeout;
            return this;
        }

        public Builder retries(RetryArgs retries) {
            value.retries = retries;
            return this;
        }

        public Builder fault(FaultArgs fault) {
            value.fault = fault;
            return this;
        }

        public RouteArgs build() {
            return value;
        }
    }
}
