package io.meshfed.scenarios.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Automation API wiring, driven against a fake {@code pulumi} on PATH that records its calls:
 * file backend in the temporary directory, passphrase passed, kubeconfigs in the stack config,
 * trust seed as a secret.
 */
class PulumiDeployerTest {

    @TempDir
    Path tmp;

    @Test
    void upRunsTheStackOnAFileBackendWithTheKubeconfigsInItsConfig() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fake = bin.resolve("pulumi");
        try (var in = getClass().getResourceAsStream("/fake-pulumi.sh")) {
            Files.write(fake, in.readAllBytes());
        }
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path log = tmp.resolve("calls.log");
        Path work = Files.createDirectories(tmp.resolve("project"));
        String spec = io.meshfed.spec.SpecLoader.load(Path.of("../stacks/Pulumi.local.yaml")).name();
        String meshJson = StackConfig.meshJson(io.meshfed.spec.SpecLoader.load(Path.of("../stacks/Pulumi.local.yaml")), Map.of(
                "east", new ClusterAccess("east", tmp.resolve("east.kubeconfig"), null, "172.18.255.1", true),
                "west", new ClusterAccess("west", tmp.resolve("west.kubeconfig"), null, "172.18.255.17", true)));
        FAKE_ENV.set(Map.of("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"), "FAKE_PULUMI_LOG", log.toString()));
        // The Automation API resolves `pulumi` on this JVM's PATH: run the deployment in a child JVM whose PATH starts with the fake.
        Files.writeString(tmp.resolve("mesh.json"), meshJson);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), work.toString(), spec, tmp.resolve("mesh.json").toString(), tmp.resolve("outputs.txt").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.out").toFile());
        builder.environment().putAll(FAKE_ENV.get());
        Process child = builder.start();
        child.waitFor();
        String calls = Files.exists(log) ? Files.readString(log) : "none";
        assertEquals(0, child.exitValue(), "child failed:\n" + Files.readString(tmp.resolve("child.out")) + "\ncalls:\n" + calls);
        Map<String, String> outputs = Map.of("meshName", Files.readString(tmp.resolve("outputs.txt")).trim());
        assertTrue(Files.readString(work.resolve("Pulumi.yaml")).contains("url: file://" + work.resolve("state")), "file backend in the temporary directory");
        assertTrue(calls.contains("[config] [set]") && calls.contains("[meshfed:mesh]"), calls);
        assertTrue(calls.contains("[meshfed:trustSeed]") && calls.contains("[--secret]"), calls);
        assertTrue(calls.contains(tmp.resolve("east.kubeconfig").toString()) && calls.contains("172.18.255.17"), "kubeconfig paths and gateway addresses in the mesh config:\n" + calls);
        assertTrue(calls.contains("[up]"), calls);
        assertFalse(calls.contains("not-logged"), "the passphrase value never reaches argv or the log");
        assertTrue(calls.startsWith("argv: [version]"), calls);
        assertTrue(calls.contains("argv: [up] [--yes] [--skip-preview]"), calls);
        // every call after the version probe runs with the workspace environment
        for (String line : calls.lines().filter(l -> l.startsWith("env:")).skip(1).toList()) {
            assertEquals("env: passphrase=set backend=file://" + work.resolve("state"), line);
        }
        assertEquals("local", outputs.get("meshName"));
    }

    private static final ThreadLocal<Map<String, String>> FAKE_ENV = new ThreadLocal<>();

    /** Runs {@link PulumiDeployer#up} in the child JVM: args work dir, stack, mesh json file, outputs file. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            PulumiDeployer deployer = new PulumiDeployer(Path.of(args[0]), Path.of("/opt/meshfed-stacks.jar"), Map.of(
                    PulumiDeployer.PASSPHRASE, "not-logged", "FAKE_PULUMI_LOG", System.getenv("FAKE_PULUMI_LOG")));
            Map<String, String> out = deployer.up(args[1], Files.readString(Path.of(args[2])), "c2VlZA==");
            Files.writeString(Path.of(args[3]), out.get("meshName"));
            System.exit(0);
        }
    }

    @Test
    void refusesToRunWithoutAPassphrase() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new PulumiDeployer(tmp, Path.of("x.jar"), Map.of()));
        assertTrue(e.getMessage().startsWith("PULUMI_CONFIG_PASSPHRASE is not set"));
        assertEquals(List.of(), List.of());
    }
}
