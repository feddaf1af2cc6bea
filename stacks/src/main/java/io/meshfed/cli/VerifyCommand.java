package io.meshfed.cli;

import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.MeshPlan;
import io.meshfed.verify.VerifyReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * Translates the spec and verifies the rendered objects with the simulator: the route table per
 * service and the reachability/authorisation matrix, mTLS checked by real handshakes.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Simulate the rendered mesh: route table per service and reachability/authorisation matrix.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    SpecOptions specOptions;

    @Mixin
    SeedOptions seedOptions;

    @Mixin
    VerifyGateOptions gate;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        MeshSpec spec = specOptions.load();
        MeshPlan plan = seedOptions.translate(spec, specOptions, command.commandLine().getErr());
        PrintWriter out = command.commandLine().getOut();
        out.println("mesh '" + spec.name() + "': " + plan.clusters().size() + " clusters, verified from the rendered objects");
        out.print(VerifyReport.render(plan));
        out.flush();
        return gate.check(plan, command.commandLine().getErr());
    }
}
