package io.meshfed.cli;

import io.meshfed.report.JudgeAnswers;
import io.meshfed.report.VerifyHtmlReport;
import io.meshfed.topology.Graphviz;
import io.meshfed.translate.MeshPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Writes {@code verify --html}: the self-contained report, with a line on stderr when Graphviz is absent. */
final class HtmlReportFile {

    private HtmlReportFile() {
    }

    static void write(Path file, MeshPlan plan, List<JudgeAnswers> judges, PrintWriter err) {
        Optional<Graphviz> graphviz = Graphviz.find();
        if (graphviz.isEmpty()) {
            err.println("meshfed: " + Graphviz.unavailableReason());
            err.flush();
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, VerifyHtmlReport.of(plan, judges, Instant.now(), graphviz), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }
}
