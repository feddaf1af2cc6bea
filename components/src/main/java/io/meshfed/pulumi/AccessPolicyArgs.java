package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.internal.Known;
import io.meshfed.pulumi.inputs.AccessRuleArgs;
import io.meshfed.pulumi.inputs.NamespaceRefArgs;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/** Inputs of {@link AccessPolicy}: the mesh's access control, plain (it decides which policies exist). */
public final class AccessPolicyArgs extends ResourceArgs {

    /** The federation ({@link MeshFederation#reference}). */
    @Import(name = "federation", required = true)
    private Output<FederationReference> federation;

    /**
     * This stack's own {@link MeshCluster}s of federated clusters, to reach them through their
     * providers: needed when the federation comes from another stack (a stack reference), whose
     * providers this stack cannot use.
     */
    @Import(name = "clusters")
    private @Nullable Output<List<ClusterReference>> clusters;

    /** Mesh-wide mTLS mode: {@code STRICT} (default), {@code PERMISSIVE} or {@code DISABLE}. */
    @Import(name = "mtls")
    private @Nullable String mtls;

    /** Deny everything no rule allows (default false). */
    @Import(name = "globalDefaultDeny")
    private @Nullable Boolean globalDefaultDeny;

    /** Allow rules. */
    @Import(name = "rules")
    private @Nullable List<AccessRuleArgs> rules;

    /** Namespaces that only accept calls from themselves. */
    @Import(name = "namespaceIsolation")
    private @Nullable List<NamespaceRefArgs> namespaceIsolation;

    public AccessPolicyArgs() {
    }

    public Output<FederationReference> federation() {
        return federation;
    }

    public @Nullable Output<List<ClusterReference>> clusters() {
        return clusters;
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
        private final AccessPolicyArgs args = new AccessPolicyArgs();

        public Builder federation(MeshFederation federation) {
            return federation(Known.from(federation, federation.live()));
        }

        public Builder federation(Output<FederationReference> federation) {
            args.federation = federation;
            return this;
        }

        /** This stack's clusters, for a federation from another stack. */
        public Builder clusters(MeshCluster... clusters) {
            return clusters(Known.from(List.of(clusters), java.util.Arrays.stream(clusters).map(MeshCluster::live).toList()));
        }

        public Builder clusters(@Nullable Output<List<ClusterReference>> clusters) {
            args.clusters = clusters;
            return this;
        }

        public Builder mtls(@Nullable String mtls) {
            args.mtls = mtls;
            return this;
        }

        public Builder globalDefaultDeny(@Nullable Boolean globalDefaultDeny) {
            args.globalDefaultDeny = globalDefaultDeny;
            return this;
        }

        public Builder rules(List<AccessRuleArgs> rules) {
            args.rules = List.copyOf(rules);
            return this;
        }

        public Builder rules(AccessRuleArgs... rules) {
            return rules(List.of(rules));
        }

        public Builder namespaceIsolation(List<NamespaceRefArgs> namespaceIsolation) {
            args.namespaceIsolation = List.copyOf(namespaceIsolation);
            return this;
        }

        public AccessPolicyArgs build() {
            Objects.requireNonNull(args.federation, "AccessPolicyArgs.federation");
            return args;
        }
    }
}
