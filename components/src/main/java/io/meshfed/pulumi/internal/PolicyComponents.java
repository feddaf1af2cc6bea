package io.meshfed.pulumi.internal;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.meshfed.pulumi.ClusterReference;
import io.meshfed.pulumi.FederationReference;
import io.meshfed.pulumi.GatewayReference;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.MeshPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.annotation.Nullable;

/**
 * What the policy components share. A policy translates as the federation's mesh with itself in it
 * (replacing a declared policy of the same name) and registers the objects it owns. A policy the
 * federation did not declare must leave every other component's objects as they are — otherwise the
 * federation (its namespaces, its global hosts) or another policy would be wrong without knowing it —
 * and fails, before registering anything, naming those objects.
 */
public final class PolicyComponents {

    /** One policy: how it enters the mesh spec, where its problems are reported, what it owns. */
    public record Policy(UnaryOperator<MeshSpec> addTo, Function<MeshSpec, String> specPath, Function<ClusterPlan, List<MeshObject>> owned,
                         String federationInput) {
    }

    private PolicyComponents() {
    }

    public static ComponentResourceOptions validated(String type, String name, Output<FederationReference> federation,
                                                     @Nullable Output<List<ClusterReference>> clusters, Policy policy,
                                                     ComponentResourceOptions options) {
        Known.Value<FederationReference> reference = Known.require(federation, "federation");
        List<Resource> upstream = new ArrayList<>(reference.resources());
        if (clusters != null) {
            Known.Value<List<ClusterReference>> given = Known.require(clusters, "clusters");
            upstream.addAll(given.resources());
            requireFederated(given.value(), reference.value(), new InvalidInputs(type, name));
        }
        MeshSpec declared = MeshViews.federation(reference.value());
        MeshSpec actual = policy.addTo().apply(declared);
        InvalidInputs problems = new InvalidInputs(type, name).map(policy.specPath().apply(actual), "");
        problems.requireValid(actual);
        List<String> changed = changedElsewhere(declared, actual, policy.owned());
        if (!changed.isEmpty()) {
            problems.add("(this component)", "the federation does not take this policy into account, and it changes objects other "
                    + "components registered: " + String.join(", ", changed) + "; add it to the MeshFederation's '"
                    + policy.federationInput() + "' as well").throwIfAny();
        }
        return Dependencies.after(options, upstream);
    }

    private static void requireFederated(List<ClusterReference> clusters, FederationReference federation, InvalidInputs problems) {
        for (int i = 0; i < clusters.size(); i++) {
            ClusterReference cluster = clusters.get(i);
            boolean federated = federation.gateways().stream().map(g -> g.installation().cluster())
                    .anyMatch(c -> c.name().equals(cluster.name()) && c.mesh().equals(cluster.mesh()));
            if (!federated) {
                problems.add("clusters[" + i + "]", "cluster '" + cluster.name() + "' of mesh '" + cluster.mesh() + "' is not in the federation");
            }
        }
        problems.throwIfAny();
    }

    /**
     * Registers the policy's objects in every cluster of the federation; returns how many. A cluster
     * in {@code clusters} (this stack's own MeshCluster of it) is reached through its provider instead of
     * the one the federation's reference names — which belongs to the stack that built the federation.
     */
    public static int register(ComponentResource component, Output<FederationReference> federation,
                               @Nullable Output<List<ClusterReference>> clusters, Policy policy, ComponentResourceOptions options) {
        Known.Value<FederationReference> reference = Known.require(federation, "federation");
        Map<String, ClusterReference> own = new LinkedHashMap<>();
        List<Resource> upstream = new ArrayList<>(Live.component(reference.value()).map(List::of).orElse(reference.resources()));
        if (clusters != null) {
            Known.Value<List<ClusterReference>> given = Known.require(clusters, "clusters");
            given.value().forEach(c -> own.put(c.name(), c));
            upstream.addAll(given.resources());
        }
        MeshPlan plan = Plans.translate(policy.addTo().apply(MeshViews.federation(reference.value())), StructuralTrust.INSTANCE);
        Output<List<Resource>> deps = Dependencies.plus(Dependencies.of(options), upstream);
        int count = 0;
        List<GatewayReference> gateways = reference.value().gateways();
        for (int i = 0; i < gateways.size(); i++) {
            ClusterReference cluster = own.getOrDefault(gateways.get(i).installation().cluster().name(), gateways.get(i).installation().cluster());
            List<MeshObject> owned = policy.owned().apply(plan.cluster(cluster.name()));
            if (!owned.isEmpty()) {
                new Children(component, cluster.name(), Live.provider(cluster, "federation.gateways[" + i + "]")).objects(owned, deps);
                count += owned.size();
            }
        }
        return count;
    }

    /** {@code cluster: Kind/ns/name (added|changed|removed)} for every object not owned by the policy that differs. */
    private static List<String> changedElsewhere(MeshSpec declared, MeshSpec actual, Function<ClusterPlan, List<MeshObject>> owned) {
        if (declared.equals(actual)) {
            return List.of();
        }
        MeshPlan before = Plans.translate(declared, StructuralTrust.INSTANCE);
        MeshPlan after = Plans.translate(actual, StructuralTrust.INSTANCE);
        List<String> changed = new ArrayList<>();
        for (ClusterPlan cluster : after.clusters()) {
            Map<String, MeshObject> others = notOwned(cluster, owned);
            Map<String, MeshObject> previously = notOwned(before.cluster(cluster.cluster()), owned);
            others.forEach((key, object) -> {
                if (!previously.containsKey(key)) {
                    changed.add(cluster.cluster() + ": " + key + " (added)");
                } else if (!Objects.equals(previously.get(key).object(), object.object())) {
                    changed.add(cluster.cluster() + ": " + key + " (changed)");
                }
            });
            previously.keySet().stream().filter(k -> !others.containsKey(k)).forEach(k -> changed.add(cluster.cluster() + ": " + k + " (removed)"));
        }
        return changed;
    }

    private static Map<String, MeshObject> notOwned(ClusterPlan cluster, Function<ClusterPlan, List<MeshObject>> owned) {
        java.util.Set<String> mine = new java.util.HashSet<>(owned.apply(cluster).stream().map(MeshObject::key).toList());
        Map<String, MeshObject> out = new LinkedHashMap<>();
        cluster.objects().stream().filter(o -> !mine.contains(o.key())).forEach(o -> out.put(o.key(), o));
        return out;
    }
}
