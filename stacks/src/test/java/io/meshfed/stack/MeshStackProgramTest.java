package io.meshfed.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import com.pulumi.test.PulumiTest;
import io.meshfed.spec.InvalidSpecException;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshPlan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stack program: config sources, documented scalar outputs, no drift between runs, bad specs. */
class MeshStackProgramTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static MockStack.Run run(String stack, Map<String, String> config) {
        return MockStack.run(stack, config, MeshStack.program(ctx -> FakeTrust::of));
    }

    private static MockStack.Run inline(String stack) {
        MockStack.Run run = run(stack, Map.of("meshfed:mesh", StackFixtures.meshConfigJson(stack)));
        assertTrue(run.result().exceptions().isEmpty(), () -> "program failed: " + run.result().exceptions());
        return run;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void exportsScalarsPerCluster(String stack) {
        MockStack.Run run = inline(stack);
        MeshPlan plan = StackFixtures.plan(StackFixtures.meshConfigJson(stack));
        Map<String, Object> outputs = new TreeMap<>();
        run.result().outputs().forEach((name, output) -> outputs.put(name, PulumiTest.extractValue(output)));
        Map<String, Object> expected = new TreeMap<>();
        expected.put("meshName", plan.spec().name());
        for (ClusterPlan c : plan.clusters()) {
            expected.put(c.cluster() + ".eastWestGatewayAddress", plan.spec().requireCluster(c.cluster()).eastWestGateway().address());
            expected.put(c.cluster() + ".rootFingerprintSha256", "test-root-fingerprint-" + plan.spec().name());
            expected.put(c.cluster() + ".objectCount", c.objects().size());
            expected.put(c.cluster() + ".releaseCount", c.releases().size());
        }
        assertEquals(expected, outputs);
        outputs.values().forEach(v -> assertTrue(v instanceof String || v instanceof Integer, "not a scalar: " + v));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "ambient"})
    void twoRunsRegisterIdenticalInputs(String stack) {
        Map<String, String> first = fingerprint(inline(stack));
        PulumiTest.cleanup();
        // a distinct trust factory: the second run translates afresh instead of reusing the cached plan
        MockStack.Run again = MockStack.run(stack, Map.of("meshfed:mesh", StackFixtures.meshConfigJson(stack)),
                MeshStack.program(ctx -> spec -> FakeTrust.of(spec)));
        assertTrue(again.result().exceptions().isEmpty(), () -> "program failed: " + again.result().exceptions());
        Map<String, String> second = fingerprint(again);
        assertTrue(first.size() > 10, "too few resources to compare: " + first.size());
        assertEquals(first, second);
    }

    /** type::name → parent, provider, sorted dependencies and the inputs (Struct equality ignores order). */
    private static Map<String, String> fingerprint(MockStack.Run run) {
        Map<String, String> out = new TreeMap<>();
        run.requests().forEach(r -> {
            Set<String> deps = new TreeSet<>(r.getDependenciesList());
            Struct inputs = r.getObject();
            out.put(r.getType() + "::" + r.getName(), r.getParent() + "|" + r.getProvider().replaceAll("::[^:]*$", "")
                    + "|" + deps + "|" + new TreeMap<>(inputs.getFieldsMap()));
        });
        return out;
    }

    @Test
    void badSpecFailsWithTheReportAndRegistersNothing() throws Exception {
        ObjectNode spec = (ObjectNode) new ObjectMapper().readTree(StackFixtures.meshConfigJson("local"));
        ((ObjectNode) spec.withArray("clusters").get(1)).put("name", "east");
        MockStack.Run run = run("local", Map.of("meshfed:mesh", spec.toString()));
        assertFalse(run.result().exceptions().isEmpty(), "a bad spec must fail the program");
        Throwable cause = run.result().exceptions().get(0);
        while (!(cause instanceof InvalidSpecException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        InvalidSpecException invalid = assertInstanceOf(InvalidSpecException.class, cause);
        assertTrue(invalid.getMessage().contains("clusters[1].name"), invalid.getMessage());
        List<String> registered = run.resources().stream().map(Registered::type)
                .filter(t -> !t.equals("pulumi:pulumi:Stack")).toList();
        assertEquals(List.of(), registered);
    }

    @Test
    void missingSpecNamesBothConfigKeys() {
        MockStack.Run run = run("local", Map.of());
        String message = run.result().exceptions().stream().map(Throwable::toString).collect(Collectors.joining());
        assertTrue(message.contains("meshfed:mesh") && message.contains("meshfed:meshFile"), message);
    }

    @Test
    void meshFileRegistersTheSameAsInlineConfig() {
        Set<String> inline = inline("local").resources().stream().map(r -> r.type() + "::" + r.name()).collect(Collectors.toCollection(TreeSet::new));
        PulumiTest.cleanup();
        MockStack.Run fromFile = run("local", Map.of("meshfed:meshFile", StackFixtures.stackFile("local").toString()));
        assertTrue(fromFile.result().exceptions().isEmpty(), () -> "program failed: " + fromFile.result().exceptions());
        assertEquals(inline, fromFile.resources().stream().map(r -> r.type() + "::" + r.name()).collect(Collectors.toCollection(TreeSet::new)));
    }
}
