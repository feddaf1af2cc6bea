package io.meshfed.scenarios.real;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What a real backend needs on this machine, each missing piece as one line. */
public final class Prerequisites {

    private Prerequisites() {
    }

    /** An executable of that name on PATH. */
    public static Optional<Path> onPath(String executable, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static String pulumiMissing() {
        return onPath("pulumi", System.getenv("PATH")).isPresent() ? null : "the pulumi CLI (>= 3.95) is not on PATH";
    }

    public static String dockerMissing() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable() ? null : "no Docker engine is reachable";
        } catch (Throwable t) {
            return "no Docker engine is reachable (" + t.getClass().getSimpleName() + ")";
        }
    }

    /**
     * Testcontainers removes every container it started when the JVM exits (Ryuk, or its JVM hook
     * when Ryuk is disabled), except reusable ones. Keeping clusters therefore needs reuse enabled
     * ({@code TESTCONTAINERS_REUSE_ENABLE=true} or {@code testcontainers.reuse.enable=true} in
     * {@code ~/.testcontainers.properties}); the containers are then started with {@code withReuse(true)}.
     */
    public static void requireReuseForKeep(Teardown teardown) {
        if (teardown.keeps() && !org.testcontainers.utility.TestcontainersConfiguration.getInstance().environmentSupportsReuse()) {
            throw new IllegalStateException("MESHFED_KEEP_CLUSTERS=true needs TESTCONTAINERS_REUSE_ENABLE=true (or testcontainers.reuse.enable=true in "
                    + "~/.testcontainers.properties): otherwise Testcontainers removes the cluster containers when the JVM exits");
        }
    }

    public static String passphraseMissing() {
        String p = System.getenv(PulumiDeployer.PASSPHRASE);
        return p == null || p.isEmpty() ? PulumiDeployer.PASSPHRASE + " is not set (the file state backend encrypts secrets with it)" : null;
    }

    /** The stack program jar {@code Pulumi.yaml} runs, relative to the repository root. */
    public static Path stackJar() {
        Path here = Path.of("stacks/target/meshfed-stacks.jar");
        return Files.exists(here) ? here.toAbsolutePath() : Path.of("..").resolve(here).toAbsolutePath().normalize();
    }

    public static String stackJarMissing() {
        return Files.exists(stackJar()) ? null : "the stack program is not built (" + stackJar() + "): ./mvnw -pl stacks -am package -DskipTests";
    }
}
