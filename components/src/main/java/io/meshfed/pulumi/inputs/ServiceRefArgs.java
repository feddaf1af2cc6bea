package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A service by name and namespace, across the clusters that run it.
 */
public final class ServiceRefArgs extends ResourceArgs {

    /** Service name. */
    @Import(name = "service", required = true)
    @Export(name = "service")
    private String service;

    /** Namespace (default {@code default}). */
    @Import(name = "namespace")
    @Export(name = "namespace")
    private @Nullable String namespace;

    public ServiceRefArgs() {
    }

    public String service() {
        return service;
    }

    public @Nullable String namespace() {
        return namespace;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ServiceRefArgs value = new ServiceRefArgs();

        public Builder service(String service) {
            value.service = service;
            return this;
        }

        public Builder namespace(String namespace) {
            value.namespace = namespace;
            return this;
        }

        public ServiceRefArgs build() {
            Objects.requireNonNull(value.service, "ServiceRefArgs.service");
            return value;
        }
    }
}
