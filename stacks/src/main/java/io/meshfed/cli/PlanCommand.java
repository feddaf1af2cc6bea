package io.meshfed.cli;

import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Stage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Prints the ordered plan (per cluster and stage, each object and what it waits for) or its topology as a diagram. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show what would be created, in dependency order, or the mesh topology as a diagram.")
final class PlanCommand implements Callable<Integer> {

    @Mixin
    SpecOptions specOptions;

    @Mixin
    SeedOptions seedOptions;

    @Mixin
    DiagramOptions diagramOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        MeshSpec spec = specOptions.load();
        PrintWriter out = command.commandLine().getOut();
        MeshPlan plan = seedOptions.translate(spec, specOptions, command.commandLine().getErr());
        if (diagramOptions.wantsDiagram()) {
            diagramOptions.write(plan, out);
            return 0;
        }
        for (ClusterPlan cluster : plan.clusters()) {
            out.println("cluster " + cluster.cluster());
            for (Stage stage : Stage.values()) {
                if (cluster.objects(stage).isEmpty() && cluster.releases(stage).isEmpty()) {
                    continue;
                }
                out.println("  " + stage.directory());
                for (HelmRelease release : cluster.releases(stage)) {
                    out.println("    + helm " + release.namespace() + "/" + release.name() + " (" + release.chart() + " " + release.version() + ")");
                }
                for (MeshObject object : cluster.objects(stage)) {
                    String waits = object.needsGatewayOf().isEmpty() ? "" : "   (waits for the east-west gateway of "
                            + String.join(", ", object.needsGatewayOf().stream().sorted().toList()) + ")";
                    out.println("    + " + object.key() + waits);
                }
            }
        }
        out.print(SummaryTable.of(plan));
        out.flush();
        return 0;
    }
}
