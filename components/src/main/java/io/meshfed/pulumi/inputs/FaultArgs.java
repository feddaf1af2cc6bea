package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Fault injection: a delay and/or an abort.
 */
public final class FaultArgs extends ResourceArgs {

    /** Delay. */
    @Import(name = "delay")
    @Export(name = "delay")
    private @Nullable DelayArgs delay;

    /** Abort. */
    @Import(name = "abort")
    @Export(name = "abort")
    private @Nullable AbortArgs abort;

    public FaultArgs() {
    }

    public @Nullable DelayArgs delay() {
        return delay;
    }

    public @Nullable AbortArgs abort() {
        return abort;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final FaultArgs value = new FaultArgs();

        public Builder delay(DelayArgs delay) {
            value.delay = delay;
            return this;
        }

        public Builder abort(AbortArgs abort) {
            value.abort = abort;
            return this;
        }

        public FaultArgs build() {
            return value;
        }
    }
}
