package io.meshfed.translate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything one cluster needs, objects ordered by stage, then kind, namespace and name. */
public record ClusterPlan(String cluster, List<HelmRelease> releases, List<MeshObject> objects) {

    public ClusterPlan {
        releases = List.copyOf(releases);
        objects = List.copyOf(objects);
    }

    public List<MeshObject> objects(Stage stage) {
        return objects.stream().filter(o -> o.stage() == stage).toList();
    }

    public List<HelmRelease> releases(Stage stage) {
        return releases.stream().filter(r -> r.stage() == stage).toList();
    }

    /** Count of objects and Helm releases per stage, in stage order. */
    public Map<Stage, Integer> countsByStage() {
        Map<Stage, Integer> counts = new TreeMap<>();
        for (Stage stage : Stage.values()) {
            counts.put(stage, objects(stage).size() + releases(stage).size());
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> ofType(Class<T> type) {
        return objects.stream().map(MeshObject::object).filter(type::isInstance).map(o -> (T) o).toList();
    }
}
