package io.meshfed.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI v3 schemas of Istio's and the Gateway API's CRDs from ../shared/schemas, made strict
 * below the top level (which declares only spec and status): an object with declared properties
 * rejects unknown ones (the API server would silently prune them,
 * losing configuration).
 */
final class CrdSchemas {

    static final Path DIRECTORY = Path.of("..", "..", "shared", "schemas");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Map<String, JsonSchema> byGroupVersionKind = new HashMap<>();

    static Optional<CrdSchemas> load() throws IOException {
        if (!Files.isDirectory(DIRECTORY)) {
            return Optional.empty();
        }
        CrdSchemas schemas = new CrdSchemas();
        try (var files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                schemas.read(file);
            }
        }
        return Optional.of(schemas);
    }

    private void read(Path file) throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            Iterator<JsonNode> docs = YAML.readValues(parser, JsonNode.class);
            while (docs.hasNext()) {
                JsonNode crd = docs.next();
                if (crd == null || !"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    continue;
                }
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    schema.path("properties").forEach(CrdSchemas::strict);
                    byGroupVersionKind.put(group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(schema));
                }
            }
        }
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                    && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            // branches of oneOf/anyOf/allOf/not describe parts of an object: they stay open
            object.fields().forEachRemaining(e -> {
                if (!List.of("oneOf", "anyOf", "allOf", "not").contains(e.getKey())) {
                    strict(e.getValue());
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(CrdSchemas::strict);
        }
    }

    Optional<JsonSchema> schema(String apiVersion, String kind) {
        return Optional.ofNullable(byGroupVersionKind.get(apiVersion + "/" + kind));
    }
}
