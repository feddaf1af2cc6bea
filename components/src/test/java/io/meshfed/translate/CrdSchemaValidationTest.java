package io.meshfed.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.meshfed.render.Yaml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rendered Istio and Gateway API object validates against the CRD schemas it is applied with. */
class CrdSchemaValidationTest {

    private static Optional<CrdSchemas> schemas;

    @BeforeAll
    static void loadSchemas() throws IOException {
        schemas = CrdSchemas.load();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void everyCustomResourceValidates(String stack) {
        assumeTrue(schemas.isPresent(), "CRD schemas not found at " + CrdSchemas.DIRECTORY + " (../shared/schemas beside the clone)");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (ClusterPlan cluster : Examples.plan(stack).clusters()) {
            for (MeshObject o : cluster.objects()) {
                if (!o.object().getApiVersion().contains(".")) {
                    continue;
                }
                var schema = schemas.get().schema(o.object().getApiVersion(), o.kind());
                if (schema.isEmpty()) {
                    failures.add(cluster.cluster() + " " + o.key() + ": no CRD schema for " + o.object().getApiVersion());
                    continue;
                }
                JsonNode json = Yaml.serialization().convertValue(o.object(), JsonNode.class);
                Set<ValidationMessage> errors = schema.get().validate(json);
                errors.forEach(e -> failures.add(cluster.cluster() + " " + o.key() + ": " + e.getMessage()));
                checked++;
            }
        }
        assertTrue(checked > 0, "the example has custom resources to check");
        assertEquals(List.of(), failures);
    }

    @Test
    void schemasRejectAnUnknownField() {
        assumeTrue(schemas.isPresent(), "CRD schemas not found at " + CrdSchemas.DIRECTORY);
        VirtualService vs = Examples.plan("smh-workshop").cluster("kind2").ofType(VirtualService.class).get(0);
        JsonNode json = Yaml.serialization().convertValue(vs, JsonNode.class);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("spec")).put("hostz", "typo");
        Set<ValidationMessage> errors = schemas.get().schema("networking.istio.io/v1", "VirtualService").orElseThrow().validate(json);
        assertFalse(errors.isEmpty(), "an unknown field must be reported");
    }
}
