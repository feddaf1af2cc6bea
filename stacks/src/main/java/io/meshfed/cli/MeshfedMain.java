package io.meshfed.cli;

import io.meshfed.spec.InvalidSpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The meshfed command line: render, plan, validate and inspect certificates of a mesh spec. */
@Command(name = "meshfed", mixinStandardHelpOptions = true, version = "meshfed 0.1.0",
        description = "Multi-cluster Istio federation made declarative and provable.",
        subcommands = {RenderCommand.class, PlanCommand.class, ValidateCommand.class, CertsCommand.class, VerifyCommand.class,
                CommandLine.HelpCommand.class})
public final class MeshfedMain {

    public static void main(String[] args) {
        if (System.getenv("PULUMI_MONITOR") != null) {
            // started by `pulumi up` through Pulumi.yaml: run the stack program instead of the CLI
            io.meshfed.stack.MeshStack.main(args);
            return;
        }
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new MeshfedMain());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidSpecException || e instanceof UserError) {
                commandLine.getErr().println(e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args.length == 0 ? new String[] {"render"} : args);
    }
}
