package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Failover for one service: endpoints are preferred by the priority labels and region pairs; outlier
 * detection is required because Envoy only fails over when it ejects endpoints.
 */
public final class FailoverArgs extends ResourceArgs {

    /** Policy name. */
    @Import(name = "name", required = true)
    @Export(name = "name")
    private String name;

    /** The service. */
    @Import(name = "service", required = true)
    @Export(name = "service")
    private ServiceRefArgs service;

    /** Failover priority labels (default: network, then cluster). */
    @Import(name = "priority")
    @Export(name = "priority")
    private @Nullable List<String> priority;

    /** Region failover pairs. */
    @Import(name = "regions")
    @Export(name = "regions")
    private @Nullable List<RegionFailoverArgs> regions;

    /** Outlier detection (required). */
    @Import(name = "outlierDetection")
    @Export(name = "outlierDetection")
    private @Nullable OutlierDetectionArgs outlierDetection;

    public FailoverArgs() {
    }

    public String name() {
        return name;
    }

    public ServiceRefArgs service() {
        return service;
    }

    public List<String> priority() {
        return priority == null ? List.of() : priority;
    }

    public List<RegionFailoverArgs> regions() {
        return regions == null ? List.of() : regions;
    }

    public @Nullable OutlierDetectionArgs outlierDetection() {
        return outlierDetection;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final FailoverArgs value = new FailoverArgs();

        public Builder name(String name) {
            value.name = name;
            return this;
        }

        public Builder service(ServiceRefArgs service) {
            value.service = service;
            return this;
        }

        public Builder priority(List<String> priority) {
            value.priority = priority == null ? null : List.copyOf(priority);
            return this;
        }

        public Builder priority(String... priority) {
            return priority(List.of(priority));
        }

        public Builder regions(List<RegionFailoverArgs> regions) {
            value.regions = regions == null ? null : List.copyOf(regions);
            return this;
        }

        public Builder regions(RegionFailoverArgs... regions) {
            return regions(List.of(regions));
        }

        public Builder outlierDetection(OutlierDetectionArgs outlierDetection) {
            value.outlierDetection = outlierDetection;
            return this;
        }

        public FailoverArgs build() {
            Objects.requireNonNull(value.name, "FailoverArgs.name");
            Objects.requireNonNull(value.service, "FailoverArgs.service");
            return value;
        }
    }
}
