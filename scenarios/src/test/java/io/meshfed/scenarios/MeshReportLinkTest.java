package io.meshfed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated backend's mesh report, written once per distinct mesh for the Cucumber report's links. */
class MeshReportLinkTest {

    @TempDir
    Path tmp;

    @Test
    void equalMeshesShareOneReportAndADifferentMeshGetsItsOwn() throws Exception {
        Path reports = tmp.resolve("mesh-reports");
        String first = MeshReportLink.write(deployed("smh-workshop").meshReport().orElseThrow(), reports);
        String again = MeshReportLink.write(deployed("smh-workshop").meshReport().orElseThrow(), reports);
        String other = MeshReportLink.write(deployed("local").meshReport().orElseThrow(), reports);
        assertEquals(first, again);
        assertNotEquals(first, other);
        assertTrue(first.matches("mesh-reports/smh-workshop-[0-9a-f]{12}\\.html"), first);
        String html = Files.readString(tmp.resolve(first));
        assertTrue(html.contains("judged by simulated;") && html.contains("id=\"matrix\""), "the verify report");
        try (var files = Files.list(reports)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void beforeDeploymentThereIsNoReport() {
        assertTrue(new SimulatedBackend().meshReport().isEmpty());
    }

    private static SimulatedBackend deployed(String stack) throws Exception {
        SimulatedBackend backend = new SimulatedBackend();
        backend.deploy(SpecLoader.load(Path.of("..", "stacks", "Pulumi." + stack + ".yaml")), false);
        return backend;
    }
}
