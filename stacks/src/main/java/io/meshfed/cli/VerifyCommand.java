package io.meshfed.cli;

import io.meshfed.judge.istio.IstioAnswers;
import io.meshfed.judge.istio.IstioJudge;
import io.meshfed.judge.istio.IstioVerifyReport;
import io.meshfed.judge.istio.OracleBinary;
import io.meshfed.report.JudgeAnswers;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.MeshPlan;
import io.meshfed.verify.VerifyReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Translates the spec and verifies the rendered objects: the route table per service and the
 * reachability/authorisation matrix, judged by meshfed's simulator, by Istio's own control plane
 * (the Envoy config istiod generates, built from scenarios/istio-oracle) or by both, compared.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Route table per service and reachability/authorisation matrix of the rendered mesh.")
final class VerifyCommand implements Callable<Integer> {

    enum Judge { simulated, istio, both }

    @Mixin
    SpecOptions specOptions;

    @Mixin
    SeedOptions seedOptions;

    @Option(names = "--judge", defaultValue = "simulated",
            description = "simulated (meshfed's model of Istio), istio (Envoy config from Istio's own control-plane code, "
                    + "plus Istio's validation and analyzers) or both (exit 1 when they disagree). Default: ${DEFAULT-VALUE}.")
    Judge judge;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report: topology, trust, route table, matrix, each judge side by side.")
    Path html;

    @Mixin
    VerifyGateOptions gate;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        MeshSpec spec = specOptions.load();
        MeshPlan plan = seedOptions.translate(spec, specOptions, command.commandLine().getErr());
        PrintWriter out = command.commandLine().getOut();
        if (judge == Judge.simulated) {
            out.println("mesh '" + spec.name() + "': " + plan.clusters().size() + " clusters, verified from the rendered objects");
            out.print(VerifyReport.render(plan));
            out.flush();
            writeHtml(plan, List.of(JudgeAnswers.simulated(plan)));
            return gate.check(plan, command.commandLine().getErr());
        }
        if (OracleBinary.find() == null) {
            throw new UserError("--judge " + judge + ": " + OracleBinary.unavailableReason());
        }
        if (spec.istio().ambient()) {
            throw new UserError("--judge " + judge + ": the report from Istio's config covers sidecar meshes; ambient meshes are judged by the"
                    + " acceptance backend (MESHFED_BACKEND=istio); use --judge simulated here");
        }
        IstioVerifyReport istio = new IstioVerifyReport(new IstioAnswers(IstioJudge.of(plan)));
        out.println("mesh '" + spec.name() + "': " + plan.clusters().size() + " clusters, judged by Istio's generated Envoy config");
        out.print(istio.render());
        JudgeAnswers istioAnswers = new JudgeAnswers("istio", istio.routes(), istio.matrix(), istio.findings());
        if (judge == Judge.istio) {
            out.flush();
            writeHtml(plan, List.of(istioAnswers));
            return gate.check(plan, command.commandLine().getErr());
        }
        JudgeAnswers simulated = JudgeAnswers.simulated(plan);
        List<String> disagreements = new ArrayList<>();
        compare("route", simulated.routes(), istio.routes(), disagreements, false);
        compare("pair", simulated.matrix(), istio.matrix(), disagreements, true);
        out.println();
        if (disagreements.isEmpty()) {
            out.println("simulated and istio agree on every route and pair");
        } else {
            out.println("simulated and istio disagree (" + disagreements.size() + "):");
            disagreements.forEach(d -> out.println("  " + d));
        }
        out.flush();
        writeHtml(plan, List.of(simulated, istioAnswers));
        int gated = gate.check(plan, command.commandLine().getErr());
        return disagreements.isEmpty() ? gated : 1;
    }

    private void writeHtml(MeshPlan plan, List<JudgeAnswers> judges) {
        if (html != null) {
            HtmlReportFile.write(html, plan, judges, command.commandLine().getErr());
        }
    }

    /** Matrix rows agree on their verdict (allowed, denied, no mTLS); route rows on their percentages. */
    private static void compare(String what, Map<String, String> simulated, Map<String, String> istio, List<String> out, boolean verdictOnly) {
        Set<String> keys = new LinkedHashSet<>(simulated.keySet());
        keys.addAll(istio.keySet());
        for (String key : keys) {
            String a = simulated.get(key);
            String b = istio.get(key);
            String ka = a == null || !verdictOnly ? a : a.substring(0, a.indexOf(':'));
            String kb = b == null || !verdictOnly ? b : b.substring(0, b.indexOf(':'));
            if (!Objects.equals(ka, kb)) {
                out.add(what + " " + key.strip().replaceAll("\\s+", " ") + "\n      simulated: " + a + "\n      istio:     " + b);
            }
        }
    }
}
