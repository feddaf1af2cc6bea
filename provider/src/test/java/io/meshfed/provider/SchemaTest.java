package io.meshfed.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package schema the provider serves: the types inferred from the component classes (typed
 * inputs, Output inputs where values may be unknown at preview, plain structural inputs, nested
 * types), the hand-written overrides limited to what inference cannot express, and the committed
 * schema.json up to date.
 */
class SchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COMPONENTS = Set.of("Mesh", "MeshCluster", "SharedRootTrust", "IstioInstallation",
            "EastWestGateway", "MeshFederation", "TrafficPolicy", "AccessPolicy", "FailoverPolicy");
    /** Inputs that may be unknown at preview (Outputs): credentials, addresses, chart values, root material, references. */
    private static final Map<String, Set<String>> OUTPUT_INPUTS = Map.of(
            "MeshCluster", Set.of("kubeconfig", "context"),
            "SharedRootTrust", Set.of("clusters", "seed"),
            "IstioInstallation", Set.of("cluster", "trust", "rootCertificates", "values"),
            "EastWestGateway", Set.of("installation", "address"),
            "MeshFederation", Set.of("gateways", "gatewayAddresses"),
            "TrafficPolicy", Set.of("federation", "clusters"), "AccessPolicy", Set.of("federation", "clusters"),
            "FailoverPolicy", Set.of("federation", "clusters"));
    private static JsonNode schema;
    private static JsonNode inferred;

    @BeforeAll
    static void generate() throws Exception {
        schema = JSON.readTree(SchemaGenerator.schemaJson());
        inferred = JSON.readTree(SchemaGenerator.inferredSchemaJson());
    }

    private static JsonNode resource(String component) {
        return schema.path("resources").path("meshfed:index:" + component);
    }

    @Test
    void everyComponentIsPresentAndNothingElse() {
        Set<String> types = new TreeSet<>();
        schema.path("resources").properties().forEach(e -> {
            assertTrue(e.getValue().path("isComponent").asBoolean(), e.getKey());
            types.add(e.getKey().substring("meshfed:index:".length()));
        });
        assertEquals(new TreeSet<>(COMPONENTS), types);
        assertEquals("meshfed", schema.path("name").asText());
    }

    @Test
    void valuesThatMayBeUnknownAtPreviewAreOutputsAndStructuralInputsArePlain() {
        for (String component : COMPONENTS) {
            Set<String> outputs = new TreeSet<>();
            Set<String> plain = new TreeSet<>();
            resource(component).path("inputProperties").properties().forEach(e -> {
                boolean isPlain = e.getValue().path("plain").asBoolean(false);
                (isPlain ? plain : outputs).add(e.getKey());
            });
            Set<String> expected = new TreeSet<>(OUTPUT_INPUTS.getOrDefault(component, Set.of()));
            // plain lists: the schema marks their items plain, not the list
            resource(component).path("inputProperties").properties().forEach(e -> {
                if (e.getValue().path("type").asText().equals("array") && e.getValue().path("items").path("plain").asBoolean(false)) {
                    outputs.remove(e.getKey());
                    plain.add(e.getKey());
                }
            });
            assertEquals(expected, outputs, component + ": Output inputs");
        }
        assertEquals(Set.of("mesh", "name", "network", "trustDomain", "locality"), plainInputs("MeshCluster"));
        assertEquals(Set.of("namespace", "port", "serviceType"), plainInputs("EastWestGateway"));
    }

    private static Set<String> plainInputs(String component) {
        Set<String> plain = new TreeSet<>();
        resource(component).path("inputProperties").properties().forEach(e -> {
            if (e.getValue().path("plain").asBoolean(false)) {
                plain.add(e.getKey());
            }
        });
        return plain;
    }

    @Test
    void componentsAreLinkedByReferenceTypesAndPoliciesByNestedTypes() {
        assertEquals("#/types/meshfed:index:ClusterReference", resource("IstioInstallation").path("inputProperties").path("cluster").path("$ref").asText());
        assertEquals("#/types/meshfed:index:ClusterReference",
                resource("SharedRootTrust").path("inputProperties").path("clusters").path("items").path("$ref").asText());
        assertEquals("#/types/meshfed:index:InstallationReference", resource("EastWestGateway").path("inputProperties").path("installation").path("$ref").asText());
        assertEquals("#/types/meshfed:index:GatewayReference",
                resource("MeshFederation").path("inputProperties").path("gateways").path("items").path("$ref").asText());
        assertEquals("#/types/meshfed:index:FederationReference", resource("TrafficPolicy").path("inputProperties").path("federation").path("$ref").asText());
        assertEquals("#/types/meshfed:index:ClusterReference", resource("MeshCluster").path("properties").path("reference").path("$ref").asText());
        JsonNode types = schema.path("types");
        assertEquals("#/types/meshfed:index:Split", types.path("meshfed:index:Route").path("properties").path("split").path("items").path("$ref").asText());
        assertEquals("#/types/meshfed:index:StringMatch",
                types.path("meshfed:index:Match").path("properties").path("headers").path("additionalProperties").path("$ref").asText());
        assertEquals("#/types/meshfed:index:OutlierDetection",
                resource("FailoverPolicy").path("inputProperties").path("outlierDetection").path("$ref").asText());
        assertEquals("#/types/meshfed:index:AccessRule",
                resource("AccessPolicy").path("inputProperties").path("rules").path("items").path("$ref").asText());
        assertEquals(List.of("number"), names(types.path("meshfed:index:Port").path("required")));
    }

    @Test
    void theOverridesAddOnlyWhatInferenceCannotExpressAndNameOnlyWhatIsInferred() {
        JsonNode overrides = SchemaOverrides.overrides();
        List<String> problems = new ArrayList<>();
        overrides.path("resources").properties().forEach(resource -> {
            JsonNode inferredResource = inferred.path("resources").path(resource.getKey());
            if (inferredResource.isMissingNode()) {
                problems.add(resource.getKey() + " is not inferred");
            }
            resource.getValue().properties().forEach(part -> {
                switch (part.getKey()) {
                    case "description" -> { }
                    case "required" -> part.getValue().forEach(p -> {
                        if (inferredResource.path("properties").path(p.asText()).isMissingNode()) {
                            problems.add(resource.getKey() + " requires unknown output " + p.asText());
                        }
                    });
                    case "inputProperties", "properties" -> part.getValue().properties().forEach(property ->
                            checkProperty(resource.getKey() + "." + part.getKey(), property.getKey(), property.getValue(),
                                    inferredResource.path(part.getKey()), problems));
                    default -> problems.add(resource.getKey() + ": unexpected override " + part.getKey());
                }
            });
        });
        overrides.path("types").properties().forEach(type -> type.getValue().path("properties").properties().forEach(property ->
                checkProperty(type.getKey(), property.getKey(), property.getValue(), inferred.path("types").path(type.getKey()).path("properties"),
                        problems)));
        assertEquals(List.of(), problems);
        // what inference alone gives for the overridden points
        assertEquals("string", inferred.path("resources").path("meshfed:index:MeshCluster").path("properties").path("kubernetesProvider").path("type").asText());
        inferred.path("resources").forEach(r -> assertEquals(0, r.path("required").size(), "inference never requires outputs"));
        assertEquals("/kubernetes/v4.25.0/schema.json#/provider",
                resource("MeshCluster").path("properties").path("kubernetesProvider").path("$ref").asText());
        assertTrue(resource("SharedRootTrust").path("properties").path("cacerts").path("secret").asBoolean());
        assertTrue(resource("MeshCluster").path("inputProperties").path("kubeconfig").path("secret").asBoolean());
    }

    /** An override property may only mark a secret, describe, or reference the Kubernetes provider. */
    private static void checkProperty(String where, String name, JsonNode override, JsonNode inferredProperties, List<String> problems) {
        if (inferredProperties.path(name).isMissingNode()) {
            problems.add(where + "." + name + " is not inferred");
        }
        override.properties().forEach(e -> {
            boolean allowed = switch (e.getKey()) {
                case "secret" -> e.getValue().asBoolean();
                case "description" -> true;
                case "$ref" -> e.getValue().asText().equals("/kubernetes/v4.25.0/schema.json#/provider");
                default -> false;
            };
            if (!allowed) {
                problems.add(where + "." + name + ": override " + e.getKey() + " is not one inference cannot express");
            }
        });
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

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
