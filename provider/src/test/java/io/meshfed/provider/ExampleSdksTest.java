package io.meshfed.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript and Python example programs type-check against SDKs generated from schema.json
 * ({@code examples/check-sdks.sh}). Skipped, with the reason, where no pulumi CLI is on PATH.
 */
class ExampleSdksTest {

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void typescriptAndPythonProgramsTypeCheckAgainstTheGeneratedSdks() throws Exception {
        Assumptions.assumeTrue(onPath("pulumi"), "no pulumi CLI on PATH: SDK generation and type-checks skipped (README: other languages)");
        Path script = Path.of(System.getProperty("user.dir"), "examples", "check-sdks.sh");
        Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
        boolean finished = process.waitFor(20, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "check-sdks.sh did not finish in 20 minutes");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("typescript: tsc --noEmit passed") && output.contains("python: mypy passed"), output);
    }
}
