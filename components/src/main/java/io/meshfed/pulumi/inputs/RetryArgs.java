package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Retry policy of a route.
 */
public final class RetryArgs extends ResourceArgs {

    /** Number of retries, 0 or more. */
    @Import(name = "attempts")
    @Export(name = "attempts")
    private @Nullable Integer attempts;

    /** Timeout per try, a duration such as {@code 2s}. */
    @Import(name = "perTryTimeout")
    @Export(name = "perTryTimeout")
    private @Nullable String perTryTimeout;

    /** Envoy retry conditions, e.g. {@code 5xx,reset}. */
    @Import(name = "retryOn")
    @Export(name = "retryOn")
    private @Nullable String retryOn;

    public RetryArgs() {
    }

    public @Nullable Integer attempts() {
        return attempts;
    }

    public @Nullable String perTryTimeout() {
        return perTryTimeout;
    }

    public @Nullable String retryOn() {
        return retryOn;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RetryArgs value = new RetryArgs();

        public Builder attempts(Integer attempts) {
            value.attempts = attempts;
            return this;
        }

        public Builder perTryTimeout(String perTryTimeout) {
            value.perTryTimeout = perTryTimeout;
            return this;
        }

        public Builder retryOn(String retryOn) {
            value.retryOn = retryOn;
            return this;
        }

        public RetryArgs build() {
            return value;
        }
    }
}
