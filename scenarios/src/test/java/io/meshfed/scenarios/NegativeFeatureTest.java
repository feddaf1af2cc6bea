package io.meshfed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs features through Cucumber's JUnit Platform engine programmatically: a deliberately wrong
 * feature must fail with the readable split diff, and on a real backend that cannot run here every
 * scenario must be skipped with its one-line reason (never passed).
 */
class NegativeFeatureTest {

    record Outcome(String name, TestExecutionResult result) {
    }

    static List<Outcome> run(DiscoverySelector selector) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selector)
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("cucumber"))
                .configurationParameters(Map.of("cucumber.glue", "io.meshfed.scenarios", "cucumber.plugin", "summary",
                        "cucumber.junit-platform.naming-strategy", "long"))
                .build();
        List<Outcome> outcomes = new ArrayList<>();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    outcomes.add(new Outcome(id.getDisplayName(), result));
                }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (id.isTest()) {
                    outcomes.add(new Outcome(id.getDisplayName(), null));
                }
            }
        });
        return outcomes;
    }

    @Test
    void aSplitTheConfigDoesNotProduceFailsWithADiff() {
        List<Outcome> outcomes = run(selectClasspathResource("negative/wrong-split.feature"));
        assertEquals(1, outcomes.size(), outcomes.toString());
        TestExecutionResult result = outcomes.get(0).result();
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
        String message = result.getThrowable().orElseThrow().getMessage();
        assertTrue(message.startsWith("split differs (VirtualService default/reviews-shift"), message);
        assertTrue(message.contains("| kind3/v3       |    60.00 |  75.00 |     ±0.01 |  <-- differs"), message);
        assertTrue(message.contains("| kind2/v2       |    10.00 |  10.00 |     ±0.01 |\n"), message);
    }

    static List<Outcome> runOnIstio(String feature) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Backends.unavailableReason("istio") == null, Backends.unavailableReason("istio"));
        System.setProperty("MESHFED_BACKEND", "istio");
        try {
            return run(selectClasspathResource(feature));
        } finally {
            System.clearProperty("MESHFED_BACKEND");
        }
    }

    @Test
    void istioNoticesEastWestGatewaysWithoutTheirDestinationRules() {
        List<Outcome> outcomes = runOnIstio("negative/istio-broken-translation.feature");
        assertEquals(1, outcomes.size(), outcomes.toString());
        TestExecutionResult result = outcomes.get(0).result();
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
        String message = result.getThrowable().orElseThrow().getMessage();
        assertTrue(message.startsWith("split differs (Envoy config of web-v1 in front/shop for catalog.shop.global"), message);
        assertTrue(message.contains("508"), "requests loop between the gateways: " + message);
    }

    @Test
    void istioNoticesARouteToAnUndefinedSubset() {
        List<Outcome> outcomes = runOnIstio("negative/istio-wrong-subset.feature");
        assertEquals(1, outcomes.size(), outcomes.toString());
        TestExecutionResult result = outcomes.get(0).result();
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
        String message = result.getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains("cluster not found"), message);
        assertTrue(message.contains("| kind3/v3       |    75.00 |      - |"), message);
    }

    @Test
    void realBackendWithoutDockerSkipsEveryScenarioWithTheReason() {
        String reason = Backends.unavailableReason("k3s");
        org.junit.jupiter.api.Assumptions.assumeTrue(reason != null, "Docker and pulumi are here: the k3s backend would really run");
        System.setProperty("MESHFED_BACKEND", "k3s");
        try {
            List<Outcome> outcomes = run(selectDirectory("../features"));
            assertTrue(outcomes.size() >= 15, outcomes.toString());
            for (Outcome o : outcomes) {
                assertEquals(TestExecutionResult.Status.ABORTED, o.result().getStatus(), o.name());
                assertEquals("Assumption failed: " + reason, o.result().getThrowable().orElseThrow().getMessage());
            }
        } finally {
            System.clearProperty("MESHFED_BACKEND");
        }
    }
}
