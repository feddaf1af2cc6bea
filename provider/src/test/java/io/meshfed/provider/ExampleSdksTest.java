package io.meshfed.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TypeScript and Python example programs type-check against SDKs generated from schema.json
 * ({@code examples/check-sdks.sh}: Pulumi's code generators, {@code tsc --noEmit}, {@code mypy --strict}).
 * Skipped, with the reason, where {@code ci/build-control-plane.sh} has not built the generator and
 * the Kubernetes provider's schema.
 */
class ExampleSdksTest {

    @Test
    void typescriptAndPythonProgramsTypeCheckAgainstTheGeneratedSdks(@TempDir Path tmp) throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        String configured = System.getenv("MESHFED_CONTROL_PLANE_BIN");
        Path bin = configured != null && !configured.isBlank() ? Path.of(configured) : root.resolve("ci/control-plane/bin");
        Assumptions.assumeTrue(Files.isExecutable(bin.resolve("meshfed-gen-sdk")) && Files.exists(bin.resolve("kubernetes-4.25.0.schema.json")),
                "SDK generator not built in " + bin + ": run ci/build-control-plane.sh pulumi kubernetes-provider");
        Path script = Path.of(System.getProperty("user.dir"), "examples", "check-sdks.sh");
        Path log = tmp.resolve("check-sdks.log");
        Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(20, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, "check-sdks.sh did not finish in 20 minutes:\n" + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("typescript: tsc --noEmit passed") && output.contains("python: mypy passed"), output);
    }
}
