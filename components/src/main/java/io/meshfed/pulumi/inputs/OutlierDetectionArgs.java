package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Envoy outlier detection, as in Istio's DestinationRule.
 */
public final class OutlierDetectionArgs extends ResourceArgs {

    /** Consecutive 5xx responses that eject an endpoint. */
    @Import(name = "consecutive5xxErrors")
    @Export(name = "consecutive5xxErrors")
    private @Nullable Integer consecutive5xxErrors;

    /** Analysis interval, a duration. */
    @Import(name = "interval")
    @Export(name = "interval")
    private @Nullable String interval;

    /** Minimum ejection time, a duration. */
    @Import(name = "baseEjectionTime")
    @Export(name = "baseEjectionTime")
    private @Nullable String baseEjectionTime;

    /** Largest share of endpoints ejected, percent. */
    @Import(name = "maxEjectionPercent")
    @Export(name = "maxEjectionPercent")
    private @Nullable Integer maxEjectionPercent;

    public OutlierDetectionArgs() {
    }

    public @Nullable Integer consecutive5xxErrors() {
        return consecutive5xxErrors;
    }

    public @Nullable String interval() {
        return interval;
    }

    public @Nullable String baseEjectionTime() {
        return baseEjectionTime;
    }

    public @Nullable Integer maxEjectionPercent() {
        return maxEjectionPercent;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final OutlierDetectionArgs value = new OutlierDetectionArgs();

        public Builder consecutive5xxErrors(Integer consecutive5xxErrors) {
            value.consecutive5xxErrors = consecutive5xxErrors;
            return this;
        }

        public Builder interval(String interval) {
            value.interval = interval;
            return this;
        }

        public Builder baseEjectionTime(String baseEjectionTime) {
            value.baseEjectionTime = baseEjectionTime;
            return this;
        }

        public Builder maxEjectionPercent(Integer maxEjectionPercent) {
            value.maxEjectionPercent = maxEjectionPercent;
            return this;
        }

        public OutlierDetectionArgs build() {
            return value;
        }
    }
}
