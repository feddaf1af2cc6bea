package io.meshfed.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package schema the provider host serves, inferred from the component classes: every component
 * with exactly its inputs and outputs and their types, and the committed schema.json up to date.
 */
class SchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAIN_STRING = "{\"type\":\"string\",\"plain\":true}";
    private static final String STRING = "{\"type\":\"string\"}";
    private static final String INTEGER = "{\"type\":\"integer\"}";
    private static JsonNode schema;

    @BeforeAll
    static void generate() throws Exception {
        schema = JSON.readTree(SchemaGenerator.schemaJson());
    }

    private static Map<String, String> clusterInputs() {
        return Map.of("spec", PLAIN_STRING, "cluster", PLAIN_STRING);
    }

    private static Map<String, Map<String, String>> expectedOutputs() {
        Map<String, Map<String, String>> out = new TreeMap<>();
        out.put("Mesh", Map.of("meshName", STRING, "rootFingerprintSha256", STRING,
                "eastWestGatewayAddresses", "{\"type\":\"object\",\"additionalProperties\":" + STRING + "}",
                "objectCounts", "{\"type\":\"object\",\"additionalProperties\":" + INTEGER + "}"));
        out.put("MeshCluster", Map.of("clusterName", STRING, "network", STRING, "namespaceCount", INTEGER));
        out.put("SharedRootTrust", Map.of("rootFingerprintSha256", STRING, "secretCount", INTEGER));
        out.put("IstioInstallation", Map.of("releaseNames", "{\"type\":\"array\",\"items\":" + STRING + "}", "chartVersion", STRING));
        out.put("EastWestGateway", Map.of("address", STRING, "objectCount", INTEGER));
        out.put("MeshFederation", Map.of("objectCount", INTEGER, "remoteClusters", "{\"type\":\"array\",\"items\":" + STRING + "}"));
        out.put("AccessPolicy", Map.of("objectCount", INTEGER));
        out.put("TrafficPolicy", Map.of("objectCount", INTEGER));
        out.put("FailoverPolicy", Map.of("objectCount", INTEGER));
        return out;
    }

    @Test
    void everyComponentIsPresentAndNothingElse() {
        TreeMap<String, Boolean> types = new TreeMap<>();
        schema.path("resources").properties().forEach(e -> types.put(e.getKey(), e.getValue().path("isComponent").asBoolean()));
        TreeMap<String, Boolean> expected = new TreeMap<>();
        expectedOutputs().keySet().forEach(name -> expected.put("meshfed:index:" + name, true));
        assertEquals(expected, types);
        assertEquals("meshfed", schema.path("name").asText());
    }

    @Test
    void inputsAreExactlyTheArgsFieldsWithTheirTypes() throws Exception {
        for (String component : expectedOutputs().keySet()) {
            JsonNode resource = schema.path("resources").path("meshfed:index:" + component);
            Map<String, String> expected = new TreeMap<>(component.equals("Mesh") ? Map.of("spec", PLAIN_STRING) : clusterInputs());
            assertEquals(JSON.readTree(JSON.writeValueAsString(new java.util.TreeSet<>(expected.keySet()))),
                    sorted(resource.path("requiredInputs")), component + " required inputs");
            if (component.equals("MeshFederation")) {
                expected.put("gatewayAddresses", "{\"type\":\"object\",\"additionalProperties\":" + STRING + "}");
            }
            assertEquals(nodes(expected), fields(resource.path("inputProperties")), component);
        }
    }

    @Test
    void outputsAreTheExportsWithTheirTypes() throws Exception {
        for (var e : expectedOutputs().entrySet()) {
            JsonNode resource = schema.path("resources").path("meshfed:index:" + e.getKey());
            assertEquals(nodes(e.getValue()), fields(resource.path("properties")), e.getKey());
        }
    }

    @Test
    void committedSchemaIsCurrent() throws Exception {
        Path committed = Path.of(System.getProperty("user.dir"), "schema.json");
        String generated = SchemaGenerator.canonicalSchemaJson();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "schema.json"), generated);
        assertEquals(JSON.readTree(generated), JSON.readTree(Files.readString(committed)),
                "provider/schema.json is stale: copy provider/target/schema.json over it");
    }

    private static Map<String, JsonNode> nodes(Map<String, String> json) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        for (var e : json.entrySet()) {
            out.put(e.getKey(), JSON.readTree(e.getValue()));
        }
        return out;
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> out = new TreeMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static JsonNode sorted(JsonNode array) throws Exception {
        java.util.TreeSet<String> values = new java.util.TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return JSON.readTree(JSON.writeValueAsString(values));
    }
}
