package io.meshfed.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/**
 * YAML of Kubernetes objects and Helm values, through fabric8's serializer. Map entries are sorted
 * by key so that the bytes never depend on map implementation order.
 */
public final class Yaml {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS), true);

    private Yaml() {
    }

    public static String of(HasMetadata object) {
        return SERIALIZATION.asYaml(object);
    }

    public static String of(Map<String, Object> values) {
        return SERIALIZATION.asYaml(values);
    }

    public static KubernetesSerialization serialization() {
        return SERIALIZATION;
    }
}
