package io.meshfed.translate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spec entry an object was translated from. Its labels make "find the translation" one
 * selector: {@code kubectl get vs,dr,se -l meshfed.io/parent-name=reviews-shift}.
 */
public record Parent(String kind, String name, String cluster) {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String PARENT_KIND = "meshfed.io/parent-kind";
    public static final String PARENT_NAME = "meshfed.io/parent-name";
    public static final String PARENT_CLUSTER = "meshfed.io/parent-cluster";
    public static final String MESH = "meshfed.io/mesh";

    public Map<String, String> labels(String mesh) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, "meshfed");
        labels.put(MESH, Names.labelValue(mesh));
        labels.put(PARENT_KIND, Names.labelValue(kind));
        labels.put(PARENT_NAME, Names.labelValue(name));
        if (cluster != null) {
            labels.put(PARENT_CLUSTER, Names.labelValue(cluster));
        }
        return labels;
    }
}
