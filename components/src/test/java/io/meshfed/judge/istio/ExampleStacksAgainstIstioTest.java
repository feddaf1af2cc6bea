package io.meshfed.judge.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshfed.translate.MeshPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Istio's own validation (pkg/config/validation, as the webhook runs it) and the analyzers of
 * `istioctl analyze` (pkg/config/analysis) on every example stack, cluster by cluster, through the
 * istio-oracle: no errors, and the warnings are exactly the ones the README explains (none today).
 */
class ExampleStacksAgainstIstioTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void istiosValidationAndAnalyzersFindNothing(String stack) throws IOException {
        Assumptions.assumeTrue(OracleBinary.skipReason() == null, OracleBinary.skipReason());
        MeshPlan plan = OracleWorkspaceTest.plan(stack);
        Map<String, IstioOracle.ClusterResult> results = IstioOracle.fromEnvironment().judge(plan);
        assertEquals(plan.clusters().size(), results.size());
        List<String> findings = new ArrayList<>();
        for (IstioOracle.ClusterResult r : results.values()) {
            JsonNode report = new ObjectMapper().readTree(Files.readString(r.report()));
            for (JsonNode v : report.path("validation")) {
                findings.add(r.sample().cluster() + ": validation " + v.path("level").asText() + " " + v.path("file").asText() + ": "
                        + v.path("message").asText().strip());
            }
            for (JsonNode a : report.path("analysis")) {
                findings.add(r.sample().cluster() + ": " + a.path("level").asText() + " " + a.path("code").asText() + " "
                        + a.path("reference").asText() + ": " + a.path("message").asText());
            }
            assertTrue(r.sample().pods().stream().filter(p -> p.proxy().envoy()).allMatch(p -> Files.exists(r.dump(p))),
                    "a config dump per proxy of " + r.sample().cluster());
        }
        assertEquals(List.of(), findings, "Istio's validation and analyzers on stack " + stack);
    }
}
