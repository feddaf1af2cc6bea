package io.meshfed.cli;

import io.meshfed.spec.InvalidSpecException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The meshfed command line: render, plan, validate, inspect certificates and verify a mesh spec; discover live clusters.
 * No command prints a Java stack trace unless {@code --debug} asks for one; every outcome has its exit code ({@link ExitCodes}).
 */
@Command(name = "meshfed", mixinStandardHelpOptions = true, version = "meshfed 0.1.0",
        description = "Multi-cluster Istio federation made declarative and provable.",
        subcommands = {RenderCommand.class, PlanCommand.class, ValidateCommand.class, CertsCommand.class, VerifyCommand.class,
                DiscoverCommand.class,
                CommandLine.HelpCommand.class})
public final class MeshfedMain {

    static final String DEBUG = "--debug";

    @Option(names = DEBUG, scope = ScopeType.INHERIT, description = "Print the stack trace of an internal error.")
    boolean debug;

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
        ExitCodes.document(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof InvalidSpecException) {
                err.println(e.getMessage());
                return ExitCodes.INVALID;
            }
            if (e instanceof UserError) {
                err.println(e.getMessage());
                return ExitCodes.USAGE;
            }
            return internalError(e, err, debugRequested(parseResult));
        });
        try {
            return cli.execute(args.length == 0 ? new String[] {"render"} : args);
        } catch (RuntimeException | Error e) {
            return internalError(e, cli.getErr(), java.util.Arrays.asList(args).contains(DEBUG));
        }
    }

    private static int internalError(Throwable e, PrintWriter err, boolean debug) {
        err.println("meshfed: internal error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "); this is a bug in meshfed, please report it" + (debug ? ":" : " with the output of --debug"));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    private static boolean debugRequested(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(DEBUG)) {
                return true;
            }
        }
        return false;
    }
}
