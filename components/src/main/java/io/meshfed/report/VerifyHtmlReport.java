package io.meshfed.report;

import io.meshfed.topology.Graphviz;
import io.meshfed.topology.MeshTopology;
import io.meshfed.topology.PlanCertificates;
import io.meshfed.translate.MeshPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code meshfed verify --html}: one self-contained HTML page (inline CSS and SVG, no script, no
 * network access) with the topology picture, trust chains and expiry, the route table per service
 * and source, and the reachability/authorisation matrix with the reason per cell; where more than
 * one judge answered, their answers side by side and the disagreements listed.
 */
public final class VerifyHtmlReport {

    /** Warn about CAs expiring within this, as {@code meshfed certs} does by default. */
    public static final Duration WARN_BELOW = Duration.ofDays(30);

    private VerifyHtmlReport() {
    }

    public static String of(MeshPlan plan, List<JudgeAnswers> judges, Instant now, Optional<Graphviz> graphviz) {
        if (judges.isEmpty()) {
            throw new IllegalArgumentException("the report needs at least one judge's answers");
        }
        String mesh = plan.spec().name();
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>meshfed verify: ")
                .append(Html.escape(mesh)).append("</title>\n<style>\n").append(ReportStyle.CSS).append("</style></head><body>\n");
        out.append("<header><h1>meshfed verify: ").append(Html.escape(mesh)).append("</h1><p>")
                .append(plan.clusters().size()).append(" clusters, ").append(plan.objectCount()).append(" objects, ")
                .append(plan.spec().ambient() ? "ambient" : "sidecar").append(" mode; judged by ")
                .append(Html.escape(String.join(", ", judges.stream().map(JudgeAnswers::judge).toList())))
                .append("; generated ").append(now).append(".</p>\n<nav><a href=\"#topology\">topology</a> <a href=\"#trust\">trust</a> ")
                .append("<a href=\"#routes\">routes</a> <a href=\"#matrix\">matrix</a>")
                .append(judges.size() > 1 ? " <a href=\"#agreement\">agreement</a>" : "")
                .append(judges.stream().anyMatch(j -> !j.findings().isEmpty()) ? " <a href=\"#findings\">findings</a>" : "")
                .append("</nav></header>\n");
        TopologySection.write(MeshTopology.of(plan), graphviz, out);
        TrustSection.write(PlanCertificates.of(plan).expiry(now, WARN_BELOW), out);
        RouteSection.write(judges, out);
        MatrixSection.write(judges, out);
        if (judges.size() > 1) {
            agreement(judges, out);
        }
        findings(judges, out);
        out.append("</body></html>\n");
        return out.toString();
    }

    /** Routes agree on their percentages, matrix cells on their verdict. */
    private static void agreement(List<JudgeAnswers> judges, StringBuilder out) {
        Set<String> routes = new LinkedHashSet<>();
        judges.forEach(j -> routes.addAll(j.routes().keySet()));
        Set<String> pairs = new LinkedHashSet<>();
        judges.forEach(j -> pairs.addAll(j.matrix().keySet()));
        List<String> differing = routes.stream().filter(k -> judges.stream().map(j -> j.routes().get(k)).distinct().count() > 1)
                .map(k -> "route " + k).toList();
        List<String> differingPairs = pairs.stream()
                .filter(k -> judges.stream().map(j -> JudgeAnswers.verdict(j.matrix().get(k))).distinct().count() > 1)
                .map(k -> "pair " + k.strip().replaceAll("\\s+", " ")).toList();
        int total = differing.size() + differingPairs.size();
        out.append("<section id=\"agreement\"><h2>Agreement</h2>\n<p class=\"").append(total == 0 ? "agree" : "disagree").append("\">")
                .append(total == 0 ? "The judges agree on every route and pair." : "The judges disagree on " + total + " rows:").append("</p>\n");
        if (total > 0) {
            out.append("<ul>");
            differing.forEach(d -> out.append("<li>").append(Html.escape(d)).append("</li>"));
            differingPairs.forEach(d -> out.append("<li>").append(Html.escape(d)).append("</li>"));
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }

    private static void findings(List<JudgeAnswers> judges, StringBuilder out) {
        List<JudgeAnswers> withFindings = judges.stream().filter(j -> !j.findings().isEmpty()).toList();
        if (withFindings.isEmpty()) {
            return;
        }
        out.append("<section id=\"findings\"><h2>Findings</h2>\n");
        for (JudgeAnswers j : withFindings) {
            out.append("<h3>").append(Html.escape(j.judge())).append("</h3><ul>");
            j.findings().stream().filter(Objects::nonNull).forEach(f -> out.append("<li>").append(Html.escape(f)).append("</li>"));
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }
}
