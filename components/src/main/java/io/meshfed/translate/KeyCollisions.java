package io.meshfed.translate;

import io.meshfed.spec.InvalidSpecException;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Two objects of one kind, namespace and name in one cluster: names chosen in the spec that render
 * the same object name (an access policy {@code a} for services {@code b} and {@code c} renders
 * {@code a-b}, as does a policy named {@code a-b}). Reported with the spec paths of both entries,
 * from the parent labels every object carries; the rules the validator knows keep this rare.
 */
final class KeyCollisions {

    private KeyCollisions() {
    }

    static void requireUnique(MeshSpec spec, String cluster, List<MeshObject> objects) {
        Map<String, MeshObject> seen = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (MeshObject o : objects) {
            MeshObject first = seen.putIfAbsent(o.key(), o);
            if (first != null) {
                String path = path(spec, o);
                String other = path(spec, first);
                problems.add(new Problem(path, "renders " + o.kind() + " " + (o.namespace() == null ? "" : o.namespace() + "/") + o.name()
                        + " in cluster " + cluster + ", as " + (other.equals(path) ? "another entry" : other) + " does; rename one of them"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
    }

    /** The field path of the spec entry an object was translated from, found by its parent labels. */
    static String path(MeshSpec spec, MeshObject o) {
        Map<String, String> labels = o.object().getMetadata().getLabels();
        String kind = labels == null ? "" : labels.getOrDefault(Parent.PARENT_KIND, "");
        String name = labels == null ? "" : labels.getOrDefault(Parent.PARENT_NAME, "");
        return switch (kind) {
            case "AccessPolicy" -> find("access.policies", spec.access().policies(), p -> p.name(), name, ".name");
            case "NamespaceIsolation" -> find("access.namespaceIsolation", spec.access().namespaceIsolation(), n -> n.namespace(), name, ".namespace");
            case "TrafficPolicy" -> find("traffic", spec.traffic(), t -> t.name(), name, ".name");
            case "FailoverPolicy" -> find("failover", spec.failover(), f -> f.name(), name, ".name");
            case "Service" -> service(spec, name);
            case "Cluster", "EastWestGateway" -> find("clusters", spec.clusters(), c -> c.name(), name, ".name");
            case "Waypoint" -> find("istio.waypoints", spec.istio().waypoints(), w -> w.namespace(), name, ".namespace");
            default -> "name";
        };
    }

    private static String service(MeshSpec spec, String name) {
        String export = find("federation.exports", spec.federation().exports(), e -> e.service(), name, ".service");
        return !export.equals("name") ? export : find("services", spec.services(), s -> s.name(), name, ".name");
    }

    private static <T> String find(String list, List<T> entries, Function<T, String> nameOf, String name, String field) {
        Predicate<T> named = e -> Names.labelValue(nameOf.apply(e)).equals(name);
        for (int i = 0; i < entries.size(); i++) {
            if (named.test(entries.get(i))) {
                return list + "[" + i + "]" + field;
            }
        }
        return "name";
    }
}
