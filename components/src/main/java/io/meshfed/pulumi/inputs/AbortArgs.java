package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Requests aborted with an HTTP status, on a share of requests.
 */
public final class AbortArgs extends ResourceArgs {

    /** HTTP status returned. */
    @Import(name = "httpStatus")
    @Export(name = "httpStatus")
    private @Nullable Integer httpStatus;

    /** Share of requests in percent (default 100). */
    @Import(name = "percent")
    @Export(name = "percent")
    private @Nullable Double percent;

    public AbortArgs() {
    }

    public @Nullable Integer httpStatus() {
        return httpStatus;
    }

    public @Nullable Double percent() {
        return percent;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final AbortArgs value = new AbortArgs();

        public Builder httpStatus(Integer httpStatus) {
            value.httpStatus = httpStatus;
            return this;
        }

        public Builder percent(Double percent) {
            value.percent = percent;
            return this;
        }

        public AbortArgs build() {
            return value;
        }
    }
}
