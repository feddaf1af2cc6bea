package io.meshfed.cli;

import io.meshfed.spec.InvalidSpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The meshfed command line: render, plan, validate, inspect certificates and verify a mesh spec; discover live clusters. */
@Command(name = "meshfed", mixinStandardHelpOptions = true, version = "meshfed 0.1.0",
        description = "Multi-cluster Istio federation made declarative and provable.",
        subcommands = {RenderCommand.class, PlanCommand.class, ValidateCommand.class, CertsCommand.class, VerifyCommand.class,
                DiscoverCommand.class,
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
        return run(null, args);
    }

    /** Runs the CLI with {@code discover} reading clusters through the given clients (tests); null for kubeconfig. */
    static int run(io.meshfed.discover.ClusterClients clusters, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new MeshfedMain(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == DiscoverCommand.class ? type.cast(new DiscoverCommand(clusters)) : defaults.create(type);
            }
        });
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
