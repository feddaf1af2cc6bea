package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Ordered routes for requests to one destination service, written into the source clusters (default:
 * every cluster that can reach it).
 */
public final class TrafficArgs extends ResourceArgs {

    /** Policy name (unique among traffic policies; names the VirtualService or HTTPRoute). */
    @Import(name = "name", required = true)
    @Export(name = "name")
    private String name;

    /** The destination service. */
    @Import(name = "destination", required = true)
    @Export(name = "destination")
    private ServiceRefArgs destination;

    /** Clusters whose callers are routed. */
    @Import(name = "sourceClusters")
    @Export(name = "sourceClusters")
    private @Nullable List<String> sourceClusters;

    /** Routes in order; the first match wins. */
    @Import(name = "routes")
    @Export(name = "routes")
    private @Nullable List<RouteArgs> routes;

    public TrafficArgs() {
    }

    public String name() {
        return name;
    }

    public ServiceRefArgs destination() {
        return destination;
    }

    public List<String> sourceClusters() {
        return sourceClusters == null ? List.of() : sourceClusters;
    }

    public List<RouteArgs> routes() {
        return routes == null ? List.of() : routes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final TrafficArgs value = new TrafficArgs();

        public Builder name(String name) {
            value.name = name;
            return this;
        }

        public Builder destination(ServiceRefArgs destination) {
            value.destination = destination;
            return this;
        }

        public Builder sourceClusters(List<String> sourceClusters) {
            value.sourceClusters = sourceClusters == null ? null : List.copyOf(sourceClusters);
            return this;
        }

        public Builder sourceClusters(String... sourceClusters) {
            return sourceClusters(List.of(sourceClusters));
        }

        public Builder routes(List<RouteArgs> routes) {
            value.routes = routes == null ? null : List.copyOf(routes);
            return this;
        }

        public Builder routes(RouteArgs... routes) {
            return routes(List.of(routes));
        }

        public TrafficArgs build() {
            Objects.requireNonNull(value.name, "TrafficArgs.name");
            Objects.requireNonNull(value.destination, "TrafficArgs.destination");
            return value;
        }
    }
}
