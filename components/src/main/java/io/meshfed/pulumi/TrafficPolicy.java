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

/** Stage 7 of one cluster: routes (VirtualServices or HTTPRoutes), subsets and version services. */
public final class TrafficPolicy extends ComponentResource {

    public static final String TYPE = "meshfed:index:TrafficPolicy";

    @Export(name = "objectCount", refs = {Integer.class})
    public final Output<Integer> objectCount;

    public TrafficPolicy(String name, TrafficPolicyArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        List<MeshObject> objects = PolicyKinds.TRAFFIC.of(Plans.cluster(args.spec(), args.cluster()));
        new Children(this, args.cluster(), null).objects(objects, Dependencies.of(options));
        this.objectCount = Output.of(objects.size());
        registerOutputs(Map.of("objectCount", objectCount));
    }
}
