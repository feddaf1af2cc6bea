package io.meshfed.cli;

import io.meshfed.translate.MeshPlan;
import io.meshfed.verify.VerifyGate;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What makes {@code verify} exit 1, so that CI can gate on it: unexpected denials and unreachable pairs ({@link VerifyGate}). */
final class VerifyGateOptions {

    @Option(names = "--expect-allowed", paramLabel = "SOURCE:DESTINATION",
            description = "Fail unless GET / from SOURCE to DESTINATION (each cluster/namespace/service) is allowed over mTLS; repeatable.")
    List<String> expectAllowed = new ArrayList<>();

    @Option(names = "--fail-on-unreachable",
            description = "Fail when a pair the spec federates (same cluster, or exported to the caller's cluster) has no route or no mTLS.")
    boolean failOnUnreachable;

    /** Prints every failure and returns the exit code: 0, or 1 when something failed. */
    int check(MeshPlan plan, PrintWriter err) {
        if (expectAllowed.isEmpty() && !failOnUnreachable) {
            return ExitCodes.OK;
        }
        List<String> failures;
        try {
            List<VerifyGate.Expectation> expectations = expectAllowed.stream().map(VerifyGate.Expectation::parse).toList();
            failures = new VerifyGate(plan).failures(expectations, failOnUnreachable);
        } catch (IllegalArgumentException e) {
            throw new UserError("--expect-allowed: " + e.getMessage());
        }
        if (failures.isEmpty()) {
            return ExitCodes.OK;
        }
        err.println("verification failed (" + failures.size() + (failures.size() == 1 ? " problem):" : " problems):"));
        failures.forEach(f -> err.println("  " + f));
        err.flush();
        return ExitCodes.INVALID;
    }
}
