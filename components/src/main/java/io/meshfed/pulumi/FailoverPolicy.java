package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.meshfed.pulumi.internal.Children;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.pulumi.internal.PolicyKinds;
import io.meshfed.translate.MeshObject;
import java.util.List;
import java.util.Map;

/** Stage 7 of one cluster: DestinationRules with locality failover and outlier detection. */
public final class FailoverPolicy extends ComponentResource {

    public static final String TYPE = "meshfed:index:FailoverPolicy";

    @Export(name = "objectCount", refs = {Integer.class})
    public final Output<Integer> objectCount;

    public FailoverPolicy(String name, FailoverPolicyArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        List<MeshObject> objects = PolicyKinds.FAILOVER.of(Plans.cluster(args.spec(), args.cluster()));
        new Children(this, args.cluster(), null).objects(objects, Dependencies.of(options));
        this.objectCount = Output.of(objects.size());
        registerOutputs(Map.of("objectCount", objectCount));
    }
}
