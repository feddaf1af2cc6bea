package io.meshfed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render command end to end: files, summary, redaction, byte-identical reruns, bad specs. */
class RenderCommandTest {

    @TempDir
    Path tmp;

    private String run(String... args) {
        return runWithExit(0, args);
    }

    private String runWithExit(int expectedExit, String... args) {
        return CliRun.capture(expectedExit, () -> MeshfedMain.run(args));
    }

    private Path seed() throws Exception {
        Path seed = tmp.resolve("seed");
        Files.writeString(seed, "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
        return seed;
    }

    @Test
    void rendersTheEmbeddedLocalStackWithASummary() throws Exception {
        String output = run("render", "--out", tmp.resolve("out").toString(), "--trust-seed-file", seed().toString());
        assertTrue(output.contains("cluster  10-namespaces  20-trust  30-istio  40-gateways  50-federation  60-policies  total"), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("east ")), output);
        Path kustomization = tmp.resolve("out/local/east/kustomization.yaml");
        assertTrue(Files.readString(kustomization).contains("50-federation/workloadentry-httpbin-httpbin-west-v1.yaml"));
        String cacerts = Files.readString(tmp.resolve("out/local/east/20-trust/secret-istio-system-cacerts.yaml"));
        assertFalse(cacerts.contains("PRIVATE KEY"), "private keys are redacted by default");
        assertTrue(cacerts.contains("BEGIN CERTIFICATE"));
    }

    @Test
    void includeSecretsWritesTheKeyAndRerunsAreByteIdentical() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        run("render", "-s", "smh-workshop", "--out", a.toString(), "--trust-seed-file", seed().toString(), "--include-secrets");
        run("render", "-s", "smh-workshop", "--out", b.toString(), "--trust-seed-file", seed().toString(), "--include-secrets");
        assertTrue(Files.readString(a.resolve("smh-workshop/kind2/20-trust/secret-istio-system-cacerts.yaml")).contains("PRIVATE KEY"));
        try (Stream<Path> files = Files.walk(a)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertEquals(Files.readString(file), Files.readString(b.resolve(a.relativize(file))), file.toString());
            }
        }
    }

    @Test
    void aBadSpecExitsNonZeroWithTheReportAndWritesNothing() throws Exception {
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, "name: bad\nclusters: [{name: c1}]\nservices: [{name: a, cluster: c2, ports: [{number: 80}]}]\n");
        String output = runWithExit(1, "render", "-f", spec.toString(), "--out", tmp.resolve("out").toString(), "--trust-seed-file", seed().toString());
        assertTrue(output.contains("invalid mesh spec (1 problem):\n  services[0].cluster: unknown cluster 'c2'"), output);
        assertFalse(output.contains("Exception"), "no stack trace for user mistakes");
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void everyExampleStackRenders() throws Exception {
        for (String stack : new String[] {"local", "smh-workshop", "virtual-destinations", "ambient"}) {
            String output = run("render", "-s", stack, "--out", tmp.resolve("all").toString(), "--trust-seed-file", seed().toString());
            assertTrue(output.contains("Rendered mesh '" + stack + "'"), output);
        }
    }
}
