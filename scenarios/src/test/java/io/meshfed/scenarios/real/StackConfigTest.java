package io.meshfed.scenarios.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mesh JSON written into the stack config loads back (schema-valid) as the same spec, with only cluster access replaced. */
class StackConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "ambient", "smh-workshop", "virtual-destinations"})
    void meshJsonRoundTripsThroughTheSpecLoader(String stack) {
        MeshSpec spec = SpecLoader.load(Path.of("../stacks/Pulumi." + stack + ".yaml"));
        Map<String, ClusterAccess> access = new LinkedHashMap<>();
        int i = 0;
        for (var c : spec.clusters()) {
            access.put(c.name(), new ClusterAccess(c.name(), Path.of("/tmp/" + c.name() + ".kubeconfig"), null, "172.18.255." + (++i), true));
        }
        MeshSpec back = SpecLoader.load(StackConfig.meshJson(spec, access), "stack config");
        assertEquals(spec.clusters().size(), back.clusters().size());
        for (int k = 0; k < spec.clusters().size(); k++) {
            var before = spec.clusters().get(k);
            var after = back.clusters().get(k);
            assertEquals("/tmp/" + before.name() + ".kubeconfig", after.kubeconfig());
            assertEquals(null, after.context());
            assertEquals("172.18.255." + (k + 1), after.eastWestGateway().address());
            assertEquals(before.effectiveNetwork(), after.effectiveNetwork());
            assertEquals(before.locality(), after.locality());
        }
        assertEquals(spec.services(), back.services());
        assertEquals(spec.access(), back.access());
        assertEquals(spec.federation(), back.federation());
        assertEquals(spec.istio(), back.istio());
        assertEquals(spec.name(), back.name());
    }
}
