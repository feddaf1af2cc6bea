package io.meshfed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per exit code: 0 success, 1 invalid spec or failed verification, 2 usage error or
 * unreachable cluster (DiscoverCommandTest covers the cluster), 3 a bug. No Java stack trace
 * without --debug, and --help lists the codes.
 */
class ExitCodesTest {

    private static final String SEED = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    @TempDir
    Path tmp;

    private String run(int expectedExit, String... args) {
        String output = CliRun.capture(expectedExit, () -> MeshfedMain.run(args));
        if (!java.util.Arrays.asList(args).contains(MeshfedMain.DEBUG)) {
            assertFalse(output.contains("\tat "), () -> "a stack trace without --debug:\n" + output);
        }
        return output;
    }

    private String seed() throws Exception {
        return Files.writeString(tmp.resolve("seed"), SEED).toString();
    }

    @Test
    void zeroWhenTheSpecIsValid() {
        assertEquals("mesh 'local' is valid: 2 clusters, 2 services, 1 exports", run(0, "validate", "-s", "local").strip());
    }

    @Test
    void oneForAnInvalidSpecWithEveryProblemAtItsFieldPath() throws Exception {
        Path spec = Files.writeString(tmp.resolve("bad.yaml"), """
                name: bad
                clusters: [{name: c1, trustDomain: ünïcode}, ~]
                federation: {exports: [{service: a, from: [~]}]}
                """);
        assertEquals("""
                invalid mesh spec (4 problems):
                  clusters[0].trustDomain: 'ünïcode' is not a SPIFFE trust domain (lowercase letters, digits, '.', '-' and '_', at most 255 characters)
                  clusters[1]: empty entry: fill it in or remove it
                  federation.exports[0].from[0]: empty entry: fill it in or remove it
                  federation.exports[0].service: no service 'a' in namespace 'default' is declared in services""",
                run(1, "validate", "-f", spec.toString()).strip());
        assertTrue(run(1, "render", "-f", spec.toString(), "--trust-seed-file", seed(), "--out", tmp.resolve("out").toString())
                .startsWith("invalid mesh spec (4 problems):"));
    }

    @Test
    void oneForABrokenFileInOneLineAfterTheHeader() throws Exception {
        Path latin1 = tmp.resolve("latin1.yaml");
        Files.write(latin1, "name: t\nclusters: [{name: c1, context: k\u00e4se}]\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("invalid mesh spec (1 problem):\n  " + latin1 + ": not UTF-8 text: byte 0xE4 at line 2 cannot be decoded (save the file as UTF-8)",
                run(1, "validate", "-f", latin1.toString()).strip());
    }

    @Test
    void oneWhenAnExpectedPairIsNotAllowed() throws Exception {
        String output = run(1, "verify", "-s", "local", "--trust-seed-file", seed(), "--expect-allowed", "east/sleep/sleep:west/httpbin/httpbin",
                "--expect-allowed", "west/httpbin/httpbin:east/sleep/sleep");
        assertTrue(output.contains("Reachability / authorisation matrix"), output);
        assertTrue(output.strip().endsWith("""
                verification failed (1 problem):
                  expected allowed: west/httpbin/httpbin -> east/sleep/sleep, but no mTLS: no ServiceEntry for sleep.sleep.global \
                is visible to httpbin-v1 in west/httpbin, so sleep in east/sleep has no endpoint there"""), output);
    }

    @Test
    void zeroWhenEveryExpectationHoldsAndEveryFederatedPairIsReachable() throws Exception {
        for (String stack : new String[] {"local", "smh-workshop", "virtual-destinations", "ambient"}) {
            String output = run(0, "verify", "-s", stack, "--trust-seed-file", seed(), "--fail-on-unreachable");
            assertFalse(output.contains("verification failed"), output);
        }
        run(0, "verify", "-s", "local", "--trust-seed-file", seed(), "--expect-allowed", "east/sleep/sleep:west/httpbin/httpbin");
    }

    @Test
    void twoForUsageErrors() throws Exception {
        assertTrue(run(2, "render", "--no-such-option").contains("Unknown option: '--no-such-option'"));
        assertEquals("no such file: " + tmp.resolve("missing.yaml"), run(2, "validate", "-f", tmp.resolve("missing.yaml").toString()).strip());
        assertEquals(tmp + " is a directory; give the spec file itself (-f " + tmp.resolve("Pulumi.<stack>.yaml") + ")",
                run(2, "validate", "-f", tmp.toString()).strip());
        assertEquals("--at: 'tomorrow' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z",
                run(2, "certs", "-s", "local", "--trust-seed-file", seed(), "--at", "tomorrow").strip());
        assertTrue(run(2, "verify", "-s", "local", "--trust-seed-file", seed(), "--expect-allowed", "east/sleep/sleep:west/nope/nope")
                .strip().endsWith("--expect-allowed: no service nope in west/nope is declared in the spec"));
        assertTrue(run(2, "verify", "-s", "local", "--trust-seed-file", seed(), "--expect-allowed", "east/sleep")
                .strip().endsWith("--expect-allowed: 'east/sleep' is not SOURCE:DESTINATION (each cluster/namespace/service)"));
    }

    @Test
    void threeForABugInOneLineAndTheStackTraceOnlyWithDebug() {
        io.meshfed.discover.ClusterClients broken = context -> {
            throw new IllegalStateException("simulated defect");
        };
        String plain = CliRun.capture(3, () -> MeshfedMain.run(broken, "discover", "--context", "kind-east"));
        assertEquals("meshfed: internal error (IllegalStateException: simulated defect); this is a bug in meshfed, "
                + "please report it with the output of --debug", plain.strip());
        String debug = CliRun.capture(3, () -> MeshfedMain.run(broken, "discover", "--context", "kind-east", "--debug"));
        assertTrue(debug.contains("\tat io.meshfed.cli.ExitCodesTest"), debug);
    }

    @Test
    void helpListsTheExitCodes() {
        String expected = """
                Exit codes:
                  0   success
                  1   invalid spec (every problem with its field path) or a failed verification
                  2   usage error (bad option or argument, missing file) or unreachable cluster
                  3   internal error, a bug in meshfed (--debug prints its stack trace)""";
        assertTrue(run(0, "--help").contains(expected), () -> run(0, "--help"));
        assertTrue(run(0, "verify", "--help").contains(expected));
        assertTrue(run(0, "verify", "--help").contains("--fail-on-unreachable"));
    }
}
