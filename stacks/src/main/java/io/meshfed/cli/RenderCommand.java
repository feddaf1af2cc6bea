package io.meshfed.cli;

import io.meshfed.render.RenderedFile;
import io.meshfed.render.Renderer;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.MeshPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Renders every cluster's objects as YAML for GitOps and prints a cluster × stage summary. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render per-cluster YAML (one directory per cluster, stages in order, kustomization.yaml).")
final class RenderCommand implements Callable<Integer> {

    @Mixin
    SpecOptions specOptions;

    @Mixin
    SeedOptions seedOptions;

    @Option(names = {"-o", "--out"}, description = "Output directory (default: ${DEFAULT-VALUE}).", defaultValue = "rendered")
    Path out;

    @Option(names = "--include-secrets", description = "Write private keys into the rendered cacerts Secrets.")
    boolean includeSecrets;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        MeshSpec spec = specOptions.load();
        MeshPlan plan = seedOptions.translate(spec, specOptions, command.commandLine().getErr());
        List<RenderedFile> files = new Renderer(includeSecrets).render(plan);
        Path target = out.resolve(spec.name());
        try {
            clean(target);
            Renderer.write(files, target);
        } catch (UncheckedIOException e) {
            throw new UserError(e.getMessage() + ": " + e.getCause().getMessage());
        }
        var stdout = command.commandLine().getOut();
        stdout.println("Rendered mesh '" + spec.name() + "' (" + spec.istio().mode() + ", Istio " + spec.istio().version() + ") into "
                + target + (includeSecrets ? " (private keys included)" : " (private keys redacted)"));
        stdout.print(SummaryTable.of(plan));
        stdout.println("Root certificate SHA-256: " + plan.rootFingerprintSha256());
        stdout.flush();
        return 0;
    }

    /** Removes an earlier rendering so that deleted objects do not linger in GitOps. */
    private static void clean(Path target) {
        if (!Files.isDirectory(target)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + target, e);
        }
    }
}
