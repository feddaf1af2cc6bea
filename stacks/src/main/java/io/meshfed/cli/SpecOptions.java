package io.meshfed.cli;

import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the mesh spec comes from: a file (bare spec or Pulumi stack file) or an embedded example. */
final class SpecOptions {

    static final String DEFAULT_STACK = "local";

    @Option(names = {"-f", "--file"}, description = "Mesh spec or Pulumi stack file (stacks/Pulumi.<stack>.yaml).")
    Path file;

    @Option(names = {"-s", "--stack"}, description = "An example stack shipped with meshfed: local, smh-workshop, "
            + "virtual-destinations, ambient (default: ${DEFAULT-VALUE}).", defaultValue = DEFAULT_STACK)
    String stack;

    MeshSpec load() {
        if (file != null) {
            if (Files.isDirectory(file)) {
                throw new UserError(file + " is a directory; give the spec file itself (-f " + file.resolve("Pulumi.<stack>.yaml") + ")");
            }
            if (!Files.isRegularFile(file)) {
                throw new UserError("no such file: " + file);
            }
            return SpecLoader.load(file);
        }
        String resource = "/stacks/Pulumi." + stack + ".yaml";
        try (InputStream in = SpecOptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UserError("unknown example stack '" + stack + "' (use --file for your own)");
            }
            return SpecLoader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), "stacks/Pulumi." + stack + ".yaml");
        } catch (IOException e) {
            throw new UserError("cannot read the example stack " + stack + ": " + e.getMessage());
        }
    }

    Path baseDirectory() {
        return file == null || file.toAbsolutePath().getParent() == null ? Path.of(".") : file.toAbsolutePath().getParent();
    }
}
