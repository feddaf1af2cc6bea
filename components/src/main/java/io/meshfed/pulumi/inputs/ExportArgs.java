package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Exports one service: from its backing clusters (default: every cluster running it) to consuming
 * clusters (default: every cluster).
 */
public final class ExportArgs extends ResourceArgs {

    /** Service name. */
    @Import(name = "service", required = true)
    @Export(name = "service")
    private String service;

    /** Namespace (default {@code default}). */
    @Import(name = "namespace")
    @Export(name = "namespace")
    private @Nullable String namespace;

    /** Backing clusters. */
    @Import(name = "from")
    @Export(name = "from")
    private @Nullable List<String> from;

    /** Consuming clusters. */
    @Import(name = "to")
    @Export(name = "to")
    private @Nullable List<String> to;

    public ExportArgs() {
    }

    public String service() {
        return service;
    }

    public @Nullable String namespace() {
        return namespace;
    }

    public List<String> from() {
        return from == null ? List.of() : from;
    }

    public List<String> to() {
        return to == null ? List.of() : to;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ExportArgs value = new ExportArgs();

        public Builder service(String service) {
            value.service = service;
            return this;
        }

        public Builder namespace(String namespace) {
            value.namespace = namespace;
            return this;
        }

        public Builder from(List<String> from) {
            value.from = from == null ? null : List.copyOf(from);
            return this;
        }

        public Builder from(String... from) {
            return from(List.of(from));
        }

        public Builder to(List<String> to) {
            value.to = to == null ? null : List.copyOf(to);
            return this;
        }

        public Builder to(String... to) {
            return to(List.of(to));
        }

        public ExportArgs build() {
            Objects.requireNonNull(value.service, "ExportArgs.service");
            return value;
        }
    }
}
