package io.meshfed.translate;

import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pure translation from a validated mesh spec to per-cluster plans. Same spec and trust in,
 * equal plans out: objects are sorted by stage, kind, namespace and name.
 */
public final class Translator {

    private static final Comparator<MeshObject> ORDER = Comparator
            .comparing(MeshObject::stage)
            .thenComparing(MeshObject::kind)
            .thenComparing(o -> o.namespace() == null ? "" : o.namespace())
            .thenComparing(MeshObject::name);

    private Translator() {
    }

    public static MeshPlan translate(MeshSpec spec, TrustSource trust) {
        SpecValidator.requireValid(spec);
        Context ctx = new Context(spec, trust);
        List<ClusterPlan> plans = new ArrayList<>();
        for (ClusterSpec cluster : spec.clusters()) {
            plans.add(translateCluster(ctx, cluster.name()));
        }
        return new MeshPlan(spec, plans, trust.rootFingerprintSha256());
    }

    private static ClusterPlan translateCluster(Context ctx, String cluster) {
        DestinationRules destinationRules = new DestinationRules(ctx);
        FederationTranslation federation = new FederationTranslation(ctx, destinationRules);
        NamespaceTranslation namespaces = new NamespaceTranslation(ctx);
        List<String> waypoints = namespaces.waypointNamespaces(cluster);
        List<MeshObject> objects = new ArrayList<>();
        objects.addAll(namespaces.translate(cluster, configNamespaces(ctx, cluster, federation)));
        objects.addAll(new TrustTranslation(ctx).translate(cluster));
        objects.addAll(new GatewayTranslation(ctx).translate(cluster));
        objects.addAll(new WaypointTranslation(ctx).translate(cluster, waypoints));
        objects.addAll(federation.translate(cluster));
        objects.addAll(new AccessTranslation(ctx, waypoints).translate(cluster));
        objects.addAll(new TrafficTranslation(ctx, destinationRules).translate(cluster));
        objects.sort(ORDER);
        KeyCollisions.requireUnique(ctx.spec, cluster, objects);
        return new ClusterPlan(cluster, new IstioInstallTranslation(ctx).translate(cluster), objects);
    }

    /** Namespaces that hold configuration in this cluster even where no workload of theirs runs. */
    private static Set<String> configNamespaces(Context ctx, String cluster, FederationTranslation federation) {
        Set<String> namespaces = new TreeSet<>(federation.namespaces(cluster));
        ctx.trafficInto(cluster).forEach(t -> namespaces.add(t.destination().namespace()));
        ctx.spec.access().namespaceIsolation().stream()
                .filter(n -> n.cluster() == null || n.cluster().equals(cluster))
                .forEach(n -> namespaces.add(n.namespace()));
        return namespaces;
    }
}
