package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.meshfed.pulumi.internal.Ownership;
import io.meshfed.pulumi.internal.PolicyComponents;
import io.meshfed.pulumi.internal.SpecRecords;
import io.meshfed.spec.TrafficPolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Routes for one destination service in the clusters its callers run in: a VirtualService (ambient:
 * an HTTPRoute where it suffices) with the weighted split, timeout, retries and faults, and the
 * destination's subsets where no federation DestinationRule holds them.
 */
public final class TrafficPolicy extends ComponentResource {

    public static final String TYPE = "meshfed:index:TrafficPolicy";

    @Export(name = "objectCount", refs = {Integer.class})
    public final Output<Integer> objectCount;

    public TrafficPolicy(String name, TrafficPolicyArgs args, ComponentResourceOptions options) {
        super(TYPE, name, PolicyComponents.validated(TYPE, name, args.federation(), args.clusters(), policy(name, args), options));
        this.objectCount = Output.of(PolicyComponents.register(this, args.federation(), args.clusters(), policy(name, args), options));
        registerOutputs(Map.of("objectCount", objectCount));
    }

    private static PolicyComponents.Policy policy(String componentName, TrafficPolicyArgs args) {
        TrafficPolicySpec spec = SpecRecords.traffic(args.name() == null ? componentName : args.name(), args.destination(),
                args.sourceClusters(), args.routes());
        return new PolicyComponents.Policy(mesh -> mesh.withTraffic(replacing(mesh.traffic(), spec)),
                mesh -> "traffic[" + indexOf(mesh.traffic(), spec.name()) + "]",
                plan -> Ownership.traffic(plan, spec.name(), spec.destination()), "traffic");
    }

    private static List<TrafficPolicySpec> replacing(List<TrafficPolicySpec> declared, TrafficPolicySpec policy) {
        List<TrafficPolicySpec> out = new ArrayList<>(declared);
        int at = indexOf(declared, policy.name());
        if (at < 0) {
            out.add(policy);
        } else {
            out.set(at, policy);
        }
        return out;
    }

    private static int indexOf(List<TrafficPolicySpec> policies, String name) {
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
