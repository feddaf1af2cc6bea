package io.meshfed.translate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Set;

/**
 * One Kubernetes object for one cluster, in a stage. {@code needsGatewayOf} names the clusters whose
 * east-west gateway address this object embeds (federation into this cluster of a remote service).
 */
public record MeshObject(Stage stage, HasMetadata object, Set<String> needsGatewayOf) {

    public MeshObject {
        needsGatewayOf = Set.copyOf(needsGatewayOf);
    }

    public static MeshObject of(Stage stage, HasMetadata object) {
        return new MeshObject(stage, object, Set.of());
    }

    public String kind() {
        return object.getKind();
    }

    public String name() {
        return object.getMetadata().getName();
    }

    public String namespace() {
        return object.getMetadata().getNamespace();
    }

    /** {@code Kind/namespace/name}, unique inside a cluster. */
    public String key() {
        return kind() + "/" + (namespace() == null ? "" : namespace() + "/") + name();
    }
}
