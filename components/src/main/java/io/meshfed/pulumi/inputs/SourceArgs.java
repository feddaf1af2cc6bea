package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Request sources: service accounts and namespaces.
 */
public final class SourceArgs extends ResourceArgs {

    /** Service accounts. */
    @Import(name = "serviceAccounts")
    @Export(name = "serviceAccounts")
    private @Nullable List<ServiceAccountArgs> serviceAccounts;

    /** Namespaces. */
    @Import(name = "namespaces")
    @Export(name = "namespaces")
    private @Nullable List<NamespaceRefArgs> namespaces;

    public SourceArgs() {
    }

    public List<ServiceAccountArgs> serviceAccounts() {
        return serviceAccounts == null ? List.of() : serviceAccounts;
    }

    public List<NamespaceRefArgs> namespaces() {
        return namespaces == null ? List.of() : namespaces;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final SourceArgs value = new SourceArgs();

        public Builder serviceAccounts(List<ServiceAccountArgs> serviceAccounts) {
            value.serviceAccounts = serviceAccounts == null ? null : List.copyOf(serviceAccounts);
            return this;
        }

        public Builder serviceAccounts(ServiceAccountArgs... serviceAccounts) {
            return serviceAccounts(List.of(serviceAccounts));
        }

        public Builder namespaces(List<NamespaceRefArgs> namespaces) {
            value.namespaces = namespaces == null ? null : List.copyOf(namespaces);
            return this;
        }

        public Builder namespaces(NamespaceRefArgs... namespaces) {
            return namespaces(List.of(namespaces));
        }

        public SourceArgs build() {
            return value;
        }
    }
}
