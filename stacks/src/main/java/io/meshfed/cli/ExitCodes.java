package io.meshfed.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The exit codes of every meshfed command, as {@code --help} and the README list them. */
final class ExitCodes {

    static final int OK = 0;
    /** The spec is invalid (every problem printed with its field path), or a verification failed. */
    static final int INVALID = 1;
    /**
     * The command was called wrongly (unknown option, missing file, bad argument), or a cluster could not be reached.
     * Also picocli's own code for arguments it cannot parse ({@code CommandSpec.exitCodeOnInvalidInput}).
     */
    static final int USAGE = 2;
    /** A bug in meshfed: one line names it; {@code --debug} prints the stack trace. */
    static final int INTERNAL = 3;

    /** The list {@code --help} shows under "Exit codes", code then meaning. */
    static final Map<String, String> HELP = help();

    private static Map<String, String> help() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(Integer.toString(OK), "success");
        codes.put(Integer.toString(INVALID), "invalid spec (every problem with its field path) or a failed verification");
        codes.put(Integer.toString(USAGE), "usage error (bad option or argument, missing file) or unreachable cluster");
        codes.put(Integer.toString(INTERNAL), "internal error, a bug in meshfed (--debug prints its stack trace)");
        return Collections.unmodifiableMap(codes);
    }

    /** Adds the list to the help of the command and of every subcommand. */
    static void document(CommandLine cli) {
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(HELP);
        cli.getSubcommands().values().forEach(ExitCodes::document);
    }

    private ExitCodes() {
    }
}
