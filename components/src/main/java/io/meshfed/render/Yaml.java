package io.meshfed.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * YAML of Kubernetes objects and Helm values with fabric8's Jackson modules. Map entries are
 * sorted by key so that the bytes never depend on map implementation order. Objects are streamed
 * by Jackson's YAML generator, in the layout of fabric8's {@code asYaml} (document start, quoted
 * strings, literal blocks for multi-line text) without its detour through maps.
 */
public final class Yaml {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS), true);

    private static final ObjectMapper YAML = yamlMapper();

    private Yaml() {
    }

    public static String of(HasMetadata object) {
        return write(object);
    }

    public static String of(Map<String, Object> values) {
        return write(values);
    }

    public static KubernetesSerialization serialization() {
        return SERIALIZATION;
    }

    private static String write(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write YAML", e);
        }
    }

    private static ObjectMapper yamlMapper() {
        YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder()
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .build());
        mapper.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        new KubernetesSerialization(mapper, true); // registers fabric8's serializers on the mapper
        return mapper;
    }
}
