package io.meshfed.stack;

import com.pulumi.test.PulumiTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One-off: writes registered-objects/<stack>.json from the current components (-Dmeshfed.writeBaseline=true). */
class WriteRegisteredBaselineTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void write(String stack) {
        Assumptions.assumeTrue(Boolean.getBoolean("meshfed.writeBaseline"), "only on request");
        MockStack.Run run = MockStack.run(stack, Map.of("meshfed:mesh", StackFixtures.meshConfigJson(stack)),
                MeshStack.program(ctx -> FakeTrust::of));
        if (!run.result().exceptions().isEmpty()) {
            throw new AssertionError(run.result().exceptions());
        }
        RegisteredObjects.write(RegisteredObjects.BASELINE_DIR.resolve(stack + ".json"), RegisteredObjects.of(run));
    }
}
