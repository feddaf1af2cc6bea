package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.meshfed.pulumi.internal.Ownership;
import io.meshfed.pulumi.internal.PolicyComponents;
import io.meshfed.pulumi.internal.SpecRecords;
import io.meshfed.spec.FailoverSpec;
import io.meshfed.spec.MeshSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Failover of one federated service: in each cluster that backs it and has no traffic policy for
 * it, a route from the local name to the global host (whose DestinationRule, from the federation,
 * orders endpoints by failover priority), and local DestinationRules with outlier detection.
 */
public final class FailoverPolicy extends ComponentResource {

    public static final String TYPE = "meshfed:index:FailoverPolicy";

    @Export(name = "objectCount", refs = {Integer.class})
    public final Output<Integer> objectCount;

    public FailoverPolicy(String name, FailoverPolicyArgs args, ComponentResourceOptions options) {
        super(TYPE, name, PolicyComponents.validated(TYPE, name, args.federation(), args.clusters(), policy(name, args), options));
        this.objectCount = Output.of(PolicyComponents.register(this, args.federation(), args.clusters(), policy(name, args), options));
        registerOutputs(Map.of("objectCount", objectCount));
    }

    private static PolicyComponents.Policy policy(String componentName, FailoverPolicyArgs args) {
        FailoverSpec spec = SpecRecords.failover(args.name() == null ? componentName : args.name(), args.service(), args.priority(),
                args.regions().stream().map(r -> new FailoverSpec.RegionFailover(r.from(), r.to())).toList(), args.outlierDetection());
        return new PolicyComponents.Policy(mesh -> withFailover(mesh, spec), mesh -> "failover[" + indexOf(mesh.failover(), spec.name()) + "]",
                plan -> Ownership.failover(plan, spec.name(), spec.service()), "failover");
    }

    private static MeshSpec withFailover(MeshSpec mesh, FailoverSpec policy) {
        List<FailoverSpec> failover = new ArrayList<>(mesh.failover());
        int at = indexOf(failover, policy.name());
        if (at < 0) {
            failover.add(policy);
        } else {
            failover.set(at, policy);
        }
        return new MeshSpec(mesh.name(), mesh.clusters(), mesh.istio(), mesh.trust(), mesh.services(), mesh.federation(), mesh.access(),
                mesh.traffic(), failover);
    }

    private static int indexOf(List<FailoverSpec> policies, String name) {
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
