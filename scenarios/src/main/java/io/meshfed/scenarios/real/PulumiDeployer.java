package io.meshfed.scenarios.real;

import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.OutputValue;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.WorkspaceStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs meshfed's stack program ({@code stacks/target/meshfed-stacks.jar}) with the Pulumi Automation
 * API: a project in a temporary directory whose {@code Pulumi.yaml} names a {@code file://} state
 * backend inside it (no Pulumi Cloud, nothing in {@code ~/.pulumi}), secrets encrypted with
 * {@code PULUMI_CONFIG_PASSPHRASE} taken from this process's environment. Outputs are read as scalars
 * (the stack exports no maps or lists).
 */
public final class PulumiDeployer {

    public static final String PASSPHRASE = "PULUMI_CONFIG_PASSPHRASE";
    private final Path workDir;
    private final Path programJar;
    private final Map<String, String> environment;
    private WorkspaceStack stack;

    /**
     * @param workDir     temporary project directory (state goes to {@code workDir/state})
     * @param programJar  the stack program jar
     * @param environment extra environment for the pulumi CLI (must hold the passphrase)
     */
    public PulumiDeployer(Path workDir, Path programJar, Map<String, String> environment) {
        if (!environment.containsKey(PASSPHRASE) || environment.get(PASSPHRASE).isEmpty()) {
            throw new IllegalArgumentException(PASSPHRASE + " is not set: the file backend encrypts secrets with it");
        }
        this.workDir = workDir;
        this.programJar = programJar;
        this.environment = Map.copyOf(environment);
    }

    public Path stateDirectory() {
        return workDir.resolve("state");
    }

    public String backendUrl() {
        return "file://" + stateDirectory().toAbsolutePath();
    }

    /** The project file written into the temporary directory. */
    String projectYaml() {
        return "name: meshfed\n"
                + "description: meshfed acceptance run (temporary project)\n"
                + "runtime:\n  name: java\n  options:\n    binary: " + programJar.toAbsolutePath() + "\n"
                + "backend:\n  url: " + backendUrl() + "\n";
    }

    /** Selects or creates the stack, writes its config and runs {@code up}; returns the scalar outputs. */
    public Map<String, String> up(String stackName, String meshJson, String trustSeed) {
        try {
            Files.createDirectories(stateDirectory());
            Files.writeString(workDir.resolve("Pulumi.yaml"), projectYaml());
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("PULUMI_BACKEND_URL", backendUrl());
            env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
            LocalWorkspaceOptions options = LocalWorkspaceOptions.builder().workDir(workDir).environmentVariables(env).build();
            stack = LocalWorkspace.createOrSelectStack(stackName, workDir, options);
            stack.setConfig(StackConfig.MESH_KEY, new ConfigValue(meshJson));
            stack.setConfig(StackConfig.TRUST_SEED_KEY, new ConfigValue(trustSeed, true));
            var result = stack.up(UpOptions.builder().build());
            return scalars(result.outputs());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (com.pulumi.automation.AutomationException e) {
            throw new IllegalStateException("pulumi up of stack " + stackName + " failed: " + e.getMessage(), e);
        }
    }

    /** Destroys the stack's resources and removes the stack; no-op when {@link #up} never ran. */
    public void destroy() throws Exception {
        if (stack == null) {
            return;
        }
        stack.destroy();
        stack.workspace().removeStack(stack.name());
        stack = null;
    }

    static Map<String, String> scalars(Map<String, OutputValue> outputs) {
        Map<String, String> out = new TreeMap<>();
        outputs.forEach((k, v) -> out.put(k, v.isSecret() ? "[secret]" : String.valueOf(v.value())));
        return out;
    }
}
