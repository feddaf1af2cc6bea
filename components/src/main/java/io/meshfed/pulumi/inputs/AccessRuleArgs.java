package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Allows the sources (any of {@code from}; anyone when empty) to reach the selected destinations,
 * optionally only with these methods, paths and ports.
 */
public final class AccessRuleArgs extends ResourceArgs {

    /** Rule name (names its AuthorizationPolicies). */
    @Import(name = "name", required = true)
    @Export(name = "name")
    private String name;

    /** Sources. */
    @Import(name = "from")
    @Export(name = "from")
    private @Nullable List<SourceArgs> from;

    /** Destinations (default: everything). */
    @Import(name = "to")
    @Export(name = "to")
    private @Nullable DestinationSelectorArgs to;

    /** HTTP methods. */
    @Import(name = "methods")
    @Export(name = "methods")
    private @Nullable List<String> methods;

    /** Paths (Istio path match). */
    @Import(name = "paths")
    @Export(name = "paths")
    private @Nullable List<String> paths;

    /** Ports. */
    @Import(name = "ports")
    @Export(name = "ports")
    private @Nullable List<Integer> ports;

    public AccessRuleArgs() {
    }

    public String name() {
        return name;
    }

    public List<SourceArgs> from() {
        return from == null ? List.of() : from;
    }

    public @Nullable DestinationSelectorArgs to() {
        return to;
    }

    public List<String> methods() {
        return methods == null ? List.of() : methods;
    }

    public List<String> paths() {
        return paths == null ? List.of() : paths;
    }

    public List<Integer> ports() {
        return ports == null ? List.of() : ports;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final AccessRuleArgs value = new AccessRuleArgs();

        public Builder name(String name) {
            value.name = name;
            return this;
        }

        public Builder from(List<SourceArgs> from) {
            value.from = from == null ? null : List.copyOf(from);
            return this;
        }

        public Builder from(SourceArgs... from) {
            return from(List.of(from));
        }

        public Builder to(DestinationSelectorArgs to) {
            value.to = to;
            return this;
        }

        public Builder methods(List<String> methods) {
            value.methods = methods == null ? null : List.copyOf(methods);
            return this;
        }

        public Builder methods(String... methods) {
            return methods(List.of(methods));
        }

        public Builder paths(List<String> paths) {
            value.paths = paths == null ? null : List.copyOf(paths);
            return this;
        }

        public Builder paths(String... paths) {
            return paths(List.of(paths));
        }

        public Builder ports(List<Integer> ports) {
            value.ports = ports == null ? null : List.copyOf(ports);
            return this;
        }

        public Builder ports(Integer... ports) {
            return ports(List.of(ports));
        }

        public AccessRuleArgs build() {
            Objects.requireNonNull(value.name, "AccessRuleArgs.name");
            return value;
        }
    }
}
