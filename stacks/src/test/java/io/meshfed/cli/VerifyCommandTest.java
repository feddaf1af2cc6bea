package io.meshfed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify command end to end: route table, reachability/authorisation matrix, bad specs. */
class VerifyCommandTest {

    @TempDir
    Path tmp;

    private String runWithExit(int expectedExit, String... args) {
        return CliRun.capture(expectedExit, () -> MeshfedMain.run(args));
    }

    private String seed() throws Exception {
        Path seed = tmp.resolve("seed");
        Files.writeString(seed, "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
        return seed.toString();
    }

    @Test
    void printsTheRouteTableAndTheMatrixOfTheLocalStack() throws Exception {
        String output = runWithExit(0, "verify", "-s", "local", "--trust-seed-file", seed());
        assertTrue(output.contains("Route table"), output);
        assertTrue(output.contains("from east/sleep: httpbin.httpbin.global via default route (no VirtualService): west/v1=100.00%"), output);
        assertTrue(output.contains("Reachability / authorisation matrix"), output);
        assertTrue(output.lines().anyMatch(l -> l.contains("sleep in east/sleep") && l.contains("-> httpbin-v1 in west/httpbin")
                && l.endsWith("allowed: ALLOW policy httpbin/sleep-to-httpbin matched")), output);
        assertTrue(output.lines().anyMatch(l -> l.contains("httpbin-v1 in west/httpbin") && l.contains("-> sleep in east/sleep")
                && l.contains("no mTLS: no ServiceEntry for sleep.sleep.global")), output);
    }

    @Test
    void everyExampleStackVerifies() throws Exception {
        for (String stack : new String[] {"smh-workshop", "virtual-destinations", "ambient"}) {
            String output = runWithExit(0, "verify", "-s", stack, "--trust-seed-file", seed());
            assertTrue(output.contains("Reachability / authorisation matrix"), output);
            assertTrue(output.contains(" allowed: ") || output.contains(" denied: "), output);
        }
    }

    @Test
    void aBadSpecExitsNonZeroWithTheValidationReport() throws Exception {
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, "name: bad\nclusters: [{name: c1}]\nservices: [{name: a, cluster: c2, ports: [{number: 80}]}]\n");
        String output = runWithExit(1, "verify", "-f", spec.toString(), "--trust-seed-file", seed());
        assertTrue(output.contains("invalid mesh spec (1 problem):\n  services[0].cluster: unknown cluster 'c2'"), output);
        assertFalse(output.contains("Route table"), output);
        assertFalse(output.contains("Exception"), "no stack trace for user mistakes");
    }

    private static void assumeJudgeBuilt() {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.meshfed.judge.istio.OracleBinary.skipReason() == null, io.meshfed.judge.istio.OracleBinary.skipReason());
    }

    @Test
    void istioJudgesTheLocalStackFromItsGeneratedEnvoyConfig() throws Exception {
        assumeJudgeBuilt();
        String output = runWithExit(0, "verify", "-s", "local", "--judge", "istio", "--trust-seed-file", seed());
        assertTrue(output.contains("judged by Istio's generated Envoy config"), output);
        assertTrue(output.contains("east: no errors, no warnings"), output);
        assertTrue(output.contains("from east/sleep: httpbin.httpbin.global: west/v1=100.00%"), output);
        assertTrue(output.lines().anyMatch(l -> l.contains("sleep in east/sleep") && l.contains("-> httpbin-v1 in west/httpbin")
                && l.contains("allowed: ")), output);
    }

    @Test
    void bothJudgesAgreeOnEveryExampleSidecarStack() throws Exception {
        assumeJudgeBuilt();
        for (String stack : new String[] {"local", "smh-workshop", "virtual-destinations"}) {
            String output = runWithExit(0, "verify", "-s", stack, "--judge", "both", "--trust-seed-file", seed());
            assertTrue(output.contains("simulated and istio agree on every route and pair"), output);
        }
    }
}
