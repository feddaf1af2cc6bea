package io.meshfed.scenarios.controlplane;

import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.DestroyOptions;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.OperationType;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.UpResult;
import com.pulumi.automation.WorkspaceStack;
import io.meshfed.stack.MeshStack;
import io.meshfed.trust.MeshTrustSource;
import io.meshfed.trust.TrustSeed;
import io.meshfed.verify.SimulatedTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * meshfed's stack program ({@link MeshStack#program}) run by the real {@code pulumi} CLI through the
 * Automation API as an inline program (the engine talks to this JVM's language host, so no Java
 * language plugin is needed), against a {@code file://} state backend in a temporary folder with
 * passphrase-encrypted secrets. The Kubernetes provider is the one built from its module, found on
 * PATH; automatic plugin downloads are off.
 */
final class InlineStack {

    static final String PROJECT = "meshfed";
    private final Path workDir;
    private final Map<String, String> environment;
    private final boolean separateRoots;
    private WorkspaceStack stack;

    InlineStack(Path workDir, ControlPlaneParts parts) {
        this(workDir, parts, false);
    }

    /**
     * @param separateRoots deploy one independent root per cluster (the state before federation,
     *                      {@link SimulatedTrust#separateRoots}) instead of the mesh's root from {@code meshfed:trustSeed}
     */
    InlineStack(Path workDir, ControlPlaneParts parts, boolean separateRoots) {
        this.workDir = workDir;
        this.separateRoots = separateRoots;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PULUMI_CONFIG_PASSPHRASE", "meshfed-control-plane-backend");
        env.put("PULUMI_BACKEND_URL", "file://" + workDir.resolve("state").toAbsolutePath());
        env.put("PULUMI_HOME", workDir.resolve("pulumi-home").toAbsolutePath().toString());
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        env.put("PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK", "true");
        env.put("HOME", workDir.resolve("home").toAbsolutePath().toString()); // Helm's caches
        env.put("PATH", parts.bin() + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
        this.environment = env;
    }

    /** Runs {@code pulumi up}; returns the count of resources per operation (same, create, update, delete…). */
    Map<String, Integer> up(String stackName, String meshJson, String trustSeed, Path charts) {
        try {
            Files.createDirectories(workDir.resolve("state"));
            Files.createDirectories(workDir.resolve("home"));
            if (stack == null) {
                LocalWorkspaceOptions options = LocalWorkspaceOptions.builder().workDir(workDir).environmentVariables(environment)
                        .pulumiHome(workDir.resolve("pulumi-home")).build();
                stack = LocalWorkspace.createOrSelectStack(PROJECT, stackName, MeshStack.program(ctx -> {
                    String seed = ctx.config("meshfed").require("trustSeed");
                    return separateRoots ? SimulatedTrust::separateRoots : spec -> MeshTrustSource.of(spec, TrustSeed.fromBase64(seed));
                }), options);
            }
            stack.setConfig("meshfed:mesh", new ConfigValue(meshJson));
            stack.setConfig("meshfed:trustSeed", new ConfigValue(trustSeed, true));
            stack.setConfig("meshfed:istioChartsDirectory", new ConfigValue(charts.toString()));
            stack.setConfig("meshfed:skipAwait", new ConfigValue("true"));
            StringBuilder log = new StringBuilder();
            UpResult result = stack.up(UpOptions.builder().onStandardOutput(line -> log.append(line).append('\n')).build());
            Map<String, Integer> changes = new TreeMap<>();
            result.summary().resourceChanges().forEach((op, n) -> changes.put(op.name().toLowerCase(java.util.Locale.ROOT), n));
            Files.writeString(workDir.resolve("pulumi-up-" + System.nanoTime() + ".log"), log);
            return changes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.pulumi.automation.AutomationException e) {
            throw new IllegalStateException("pulumi up of stack " + stackName + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code pulumi destroy}: returns the number of resources deleted. */
    int destroy() {
        if (stack == null) {
            return 0;
        }
        try {
            var result = stack.destroy(DestroyOptions.builder().build());
            Integer deleted = result.summary().resourceChanges().get(OperationType.DELETE);
            return deleted == null ? 0 : deleted;
        } catch (com.pulumi.automation.AutomationException e) {
            throw new IllegalStateException("pulumi destroy failed: " + e.getMessage(), e);
        }
    }

    Map<String, String> environment() {
        return environment;
    }
}
