package io.meshfed.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The hand-written part of the package schema ({@code schema-overrides.json}): what pulumi-java
 * 1.36.1's inference cannot express — a resource reference as an output, required outputs, secret
 * inputs and outputs, descriptions, the SDKs' dependency on the Kubernetes package. Objects are
 * merged into the inferred schema; a property node holding {@code $ref} replaces the inferred node.
 * {@code SchemaTest} checks that every override names something inferred and only adds these kinds.
 */
public final class SchemaOverrides {

    static final String RESOURCE = "/schema-overrides.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaOverrides() {
    }

    public static String apply(String inferredSchema) {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(inferredSchema);
            merge(schema, overrides());
            return JSON.writeValueAsString(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode overrides() {
        try (InputStream in = SchemaOverrides.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode target, JsonNode overrides) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.startsWith("//")) {
                continue;
            }
            JsonNode value = field.getValue();
            JsonNode existing = target.get(name);
            if (value.isObject() && existing instanceof ObjectNode node && !value.has("$ref")) {
                merge(node, value);
            } else {
                target.set(name, value);
            }
        }
    }
}
