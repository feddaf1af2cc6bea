package io.meshfed.cli;

import io.meshfed.spec.MeshSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Checks a spec and reports every problem with its field path; exit code 1 when invalid. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Validate a mesh spec.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    SpecOptions specOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        MeshSpec spec = specOptions.load();
        command.commandLine().getOut().println("mesh '" + spec.name() + "' is valid: " + spec.clusters().size() + " clusters, "
                + spec.services().size() + " services, " + spec.federation().exports().size() + " exports");
        return 0;
    }
}
