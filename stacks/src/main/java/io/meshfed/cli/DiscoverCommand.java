package io.meshfed.cli;

import io.meshfed.discover.ClusterClients;
import io.meshfed.discover.ClusterReader;
import io.meshfed.discover.ClusterReport;
import io.meshfed.discover.DiscoveryException;
import io.meshfed.discover.DraftSpec;
import io.meshfed.discover.KubeconfigClients;
import io.meshfed.discover.ReportPrinter;
import io.meshfed.spec.InvalidSpecException;
import io.meshfed.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Reads live clusters (one kube context each) and reports their Istio control plane, root of trust,
 * east-west gateways, meshfed-managed objects and candidate services; optionally writes a draft spec.
 */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Discover live meshes: Istio, roots of trust, east-west gateways, meshfed objects and services per kube context.")
final class DiscoverCommand implements Callable<Integer> {

    @Option(names = "--context", required = true, paramLabel = "CONTEXT", description = "A kube context to read (repeat for each cluster).")
    List<String> contexts = new ArrayList<>();

    @Option(names = "--kubeconfig", description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--spec-out", paramLabel = "FILE", description = "Write a draft mesh spec (clusters and service inventory) here.")
    Path specOut;

    @Option(names = "--mesh-name", description = "The draft spec's mesh name (default: ${DEFAULT-VALUE}).", defaultValue = "discovered")
    String meshName;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    private final ClusterClients clients;

    DiscoverCommand() {
        this(null);
    }

    DiscoverCommand(ClusterClients clients) {
        this.clients = clients;
    }

    @Override
    public Integer call() {
        ClusterReader reader = new ClusterReader(clients != null ? clients : new KubeconfigClients(kubeconfig));
        List<ClusterReport> reports = new ArrayList<>();
        for (String context : contexts.stream().distinct().toList()) {
            try {
                reports.add(reader.read(context));
            } catch (DiscoveryException e) {
                throw new UserError("cannot discover " + e.getMessage());
            }
        }
        PrintWriter out = command.commandLine().getOut();
        ReportPrinter.print(reports, out);
        return specOut == null ? 0 : writeDraft(reports, out);
    }

    private int writeDraft(List<ClusterReport> reports, PrintWriter out) {
        DraftSpec draft = new DraftSpec();
        String yaml = draft.yaml(meshName, kubeconfig == null ? null : kubeconfig.toString(), reports);
        try {
            Files.writeString(specOut, yaml);
        } catch (IOException e) {
            throw new UserError("cannot write " + specOut + ": " + e.getMessage());
        }
        draft.notes().forEach(n -> out.println("draft note: " + n));
        try {
            SpecLoader.load(yaml, specOut.toString());
            out.println("draft spec written to " + specOut + " (valid; add federation and access before rendering)");
            out.flush();
            return 0;
        } catch (InvalidSpecException e) {
            command.commandLine().getErr().println("draft spec written to " + specOut + " but it does not validate:\n" + e.getMessage());
            return ExitCodes.INVALID;
        }
    }
}
