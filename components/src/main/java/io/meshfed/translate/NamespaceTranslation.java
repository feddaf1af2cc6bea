package io.meshfed.translate;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.NamespaceRef;
import io.meshfed.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Stage 1: istio-system and gateway namespaces with the network label, and the app namespaces. */
final class NamespaceTranslation {

    private final Context ctx;

    NamespaceTranslation(Context ctx) {
        this.ctx = ctx;
    }

    List<MeshObject> translate(String cluster, Set<String> configNamespaces) {
        ClusterSpec c = ctx.cluster(cluster);
        Parent parent = new Parent("Cluster", cluster, cluster);
        Map<String, String> network = Map.of(Context.NETWORK_LABEL, c.effectiveNetwork());
        List<MeshObject> out = new ArrayList<>();
        out.add(MeshObject.of(Stage.NAMESPACES, namespace(Context.ROOT_NAMESPACE, parent, network)));
        String gatewayNs = c.eastWestGateway().namespace();
        if (!gatewayNs.equals(Context.ROOT_NAMESPACE)) {
            out.add(MeshObject.of(Stage.NAMESPACES, namespace(gatewayNs, parent, network)));
        }
        Set<String> appNamespaces = new TreeSet<>(configNamespaces);
        ctx.servicesIn(cluster).stream().map(ServiceSpec::namespace).forEach(appNamespaces::add);
        waypointNamespaces(cluster).forEach(appNamespaces::add);
        appNamespaces.remove(Context.ROOT_NAMESPACE);
        appNamespaces.remove(gatewayNs);
        for (String ns : appNamespaces) {
            out.add(MeshObject.of(Stage.NAMESPACES, namespace(ns, parent, dataPlaneLabels(cluster, ns))));
        }
        return out;
    }

    List<String> waypointNamespaces(String cluster) {
        return ctx.spec.istio().waypoints().stream()
                .filter(w -> w.cluster().equals(cluster)).map(NamespaceRef::namespace).distinct().toList();
    }

    private Map<String, String> dataPlaneLabels(String cluster, String ns) {
        Map<String, String> labels = new TreeMap<>();
        if (ctx.spec.ambient()) {
            labels.put("istio.io/dataplane-mode", "ambient");
            if (waypointNamespaces(cluster).contains(ns)) {
                labels.put("istio.io/use-waypoint", WaypointTranslation.WAYPOINT);
            }
        } else if (ctx.spec.istio().revision().isEmpty()) {
            labels.put("istio-injection", "enabled");
        } else {
            labels.put("istio.io/rev", ctx.spec.istio().revision());
        }
        return labels;
    }

    private Namespace namespace(String name, Parent parent, Map<String, String> labels) {
        return new NamespaceBuilder().withMetadata(ctx.meta(name, null, parent, labels)).build();
    }
}
