package io.meshfed.spec;

import java.util.List;

/** Access control: the mesh-wide mTLS mode (STRICT by default), an optional mesh-wide default deny, allow policies and namespace isolation. */
public record AccessSpec(String mtls, Boolean globalDefaultDeny, List<AccessPolicySpec> policies, List<NamespaceRef> namespaceIsolation) {

    public AccessSpec {
        mtls = mtls == null ? "STRICT" : mtls;
        globalDefaultDeny = globalDefaultDeny != null && globalDefaultDeny;
        policies = Lists.of(policies);
        namespaceIsolation = Lists.of(namespaceIsolation);
    }

    static AccessSpec none() {
        return new AccessSpec(null, false, null, null);
    }
}
