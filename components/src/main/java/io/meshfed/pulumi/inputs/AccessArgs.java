package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Access control of the mesh: the mTLS mode, an optional mesh-wide default deny, allow rules and
 * namespace isolation.
 */
public final class AccessArgs extends ResourceArgs {

    /** {@code STRICT} (default), {@code PERMISSIVE} or {@code DISABLE}. */
    @Import(name = "mtls")
    @Export(name = "mtls")
    private @Nullable String mtls;

    /** Deny everything not allowed by a rule (default false). */
    @Import(name = "globalDefaultDeny")
    @Export(name = "globalDefaultDeny")
    private @Nullable Boolean globalDefaultDeny;

    /** Allow rules. */
    @Import(name = "rules")
    @Export(name = "rules")
    private @Nullable List<AccessRuleArgs> rules;

    /** Namespaces that only accept calls from themselves. */
    @Import(name = "namespaceIsolation")
    @Export(name = "namespaceIsolation")
    private @Nullable List<NamespaceRefArgs> namespaceIsolation;

    public AccessArgs() {
    }

    public @Nullable String mtls() {
        return mtls;
    }

    public @Nullable Boolean globalDefaultDeny() {
        return globalDefaultDeny;
    }

    public List<AccessRuleArgs> rules() {
        return rules == null ? List.of() : rules;
    }

    public List<NamespaceRefArgs> namespaceIsolation() {
        return namespaceIsolation == null ? List.of() : namespaceIsolation;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final AccessArgs value = new AccessArgs();

        public Builder mtls(String mtls) {
            value.mtls = mtls;
            return this;
        }

        public Builder globalDefaultDeny(Boolean globalDefaultDeny) {
            value.globalDefaultDeny = globalDefaultDeny;
            return this;
        }

        public Builder rules(List<AccessRuleArgs> rules) {
            value.rules = rules == null ? null : List.copyOf(rules);
            return this;
        }

        public Builder rules(AccessRuleArgs... rules) {
            return rules(List.of(rules));
        }

        public Builder namespaceIsolation(List<NamespaceRefArgs> namespaceIsolation) {
            value.namespaceIsolation = namespaceIsolation == null ? null : List.copyOf(namespaceIsolation);
            return this;
        }

        public Builder namespaceIsolation(NamespaceRefArgs... namespaceIsolation) {
            return namespaceIsolation(List.of(namespaceIsolation));
        }

        public AccessArgs build() {
            return value;
        }
    }
}
