package io.meshfed.judge.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Translator;
import io.meshfed.verify.SimulatedTrust;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OracleWorkspaceTest {

    static MeshPlan plan(String stack) {
        MeshSpec spec = SpecLoader.load(Path.of("../stacks/Pulumi." + stack + ".yaml"));
        return Translator.translate(spec, SimulatedTrust.shared(spec));
    }

    @Test
    void theLocalStacksEastClusterHasItsPodsGatewayAndRenderedFiles() {
        MeshPlan plan = plan("local");
        OracleWorkspace ws = OracleWorkspace.of(plan.spec(), plan.cluster("east"));
        Map<String, String> files = ws.files();
        assertTrue(files.containsKey("rendered/50-federation/workloadentry-httpbin-httpbin-west-v1.yaml"), files.keySet().toString());
        assertFalse(files.keySet().stream().anyMatch(f -> f.contains("secret")), "cacerts stays out: " + files.keySet());
        assertFalse(files.keySet().stream().anyMatch(f -> f.contains("helm-")), files.keySet().toString());
        assertEquals("10.100.0.1", ws.sample().pods().get(0).ip());
        assertTrue(ws.sample().pods().stream().anyMatch(SamplePod::gateway));
        String request = files.get("request.json");
        assertTrue(request.contains("\"REQUESTED_NETWORK_VIEW\" : \"east\""), request);
        assertTrue(request.contains("\"DNS_CAPTURE\" : \"true\""), request);
        assertTrue(files.get("inventory.yaml").contains("kind: \"EndpointSlice\""));
        ws.writeTo(Path.of("target/oracle-workspace/local/east"));
    }
}
