package io.meshfed.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.PulumiTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Mesh}, now built from the typed components, registers exactly the custom resources the
 * whole-spec components registered (registered-objects/<stack>.json, written by those components
 * before they were replaced): same names, types, inputs (secrets included, as secrets), providers,
 * retainOnDelete and secret outputs. Only where a resource sits in the component tree may differ.
 */
class MeshRegistersTheSameObjectsTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void sameObjectsAsBeforeTheTypedComponents(String stack) {
        MockStack.Run run = MockStack.run(stack, Map.of("meshfed:mesh", StackFixtures.meshConfigJson(stack)),
                MeshStack.program(ctx -> FakeTrust::of));
        assertTrue(run.result().exceptions().isEmpty(), () -> "program failed: " + run.result().exceptions());
        Map<String, Object> before = withoutTreePosition(RegisteredObjects.baseline(stack));
        Map<String, Object> after = withoutTreePosition(RegisteredObjects.normalised(RegisteredObjects.of(run)));
        assertTrue(before.size() > 20, "too few objects in the baseline: " + before.size());
        assertEquals(before.keySet(), after.keySet());
        before.forEach((resource, form) -> assertEquals(form, after.get(resource), resource));
    }

    /**
     * A resource that moved in the component tree (the namespaces: now the gateway's and the
     * federation's) carries an alias naming its former URN, so a stack deployed before keeps it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void resourcesThatMovedKeepTheirFormerUrnAsAlias(String stack) {
        MockStack.Run run = MockStack.run(stack, Map.of("meshfed:mesh", StackFixtures.meshConfigJson(stack)),
                MeshStack.program(ctx -> FakeTrust::of));
        assertTrue(run.result().exceptions().isEmpty(), () -> "program failed: " + run.result().exceptions());
        Map<String, Object> before = RegisteredObjects.baseline(stack);
        Map<String, Object> after = RegisteredObjects.normalised(RegisteredObjects.of(run));
        int moved = 0;
        for (var request : run.requests()) {
            String resource = request.getType() + "::" + request.getName();
            if (!before.containsKey(resource)) {
                continue;
            }
            Object formerType = ((Map<?, ?>) before.get(resource)).get("urnType");
            if (formerType.equals(((Map<?, ?>) after.get(resource)).get("urnType"))) {
                continue;
            }
            moved++;
            List<String> aliasTypes = request.getAliasesList().stream()
                    .map(alias -> alias.getSpec().getParentUrn().split("::")[2] + "$" + request.getType()).toList();
            assertTrue(aliasTypes.contains(formerType), resource + " moved from " + formerType + " without an alias: " + aliasTypes);
            assertEquals("kubernetes:core/v1:Namespace", request.getType(), "only namespaces move");
        }
        assertTrue(moved > 0, "the namespaces of gateways and applications moved");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutTreePosition(Map<String, Object> objects) {
        Map<String, Object> out = new TreeMap<>();
        objects.forEach((name, form) -> {
            Map<String, Object> copy = new TreeMap<>((Map<String, Object>) form);
            copy.remove("urnType");
            out.put(name, copy);
        });
        return out;
    }
}
