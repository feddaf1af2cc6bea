package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.meshfed.pulumi.internal.Ownership;
import io.meshfed.pulumi.internal.PolicyComponents;
import io.meshfed.pulumi.internal.SpecRecords;
import io.meshfed.spec.AccessSpec;
import java.util.Map;

/**
 * The mesh's access control in every cluster: PeerAuthentication (mTLS mode), the global deny, an
 * AuthorizationPolicy per allow rule and destination, namespace isolation.
 */
public final class AccessPolicy extends ComponentResource {

    public static final String TYPE = "meshfed:index:AccessPolicy";

    @Export(name = "objectCount", refs = {Integer.class})
    public final Output<Integer> objectCount;

    public AccessPolicy(String name, AccessPolicyArgs args, ComponentResourceOptions options) {
        super(TYPE, name, PolicyComponents.validated(TYPE, name, args.federation(), args.clusters(), policy(args), options));
        this.objectCount = Output.of(PolicyComponents.register(this, args.federation(), args.clusters(), policy(args), options));
        registerOutputs(Map.of("objectCount", objectCount));
    }

    private static PolicyComponents.Policy policy(AccessPolicyArgs args) {
        AccessSpec access = SpecRecords.access(args.mtls(), args.globalDefaultDeny(), args.rules(), args.namespaceIsolation());
        return new PolicyComponents.Policy(mesh -> mesh.withAccess(access), mesh -> "access", Ownership::access, "access");
    }
}
