package io.meshfed.scenarios;

import io.cucumber.java.Scenario;
import io.meshfed.report.VerifyHtmlReport;
import io.meshfed.topology.Graphviz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Links each scenario in Cucumber's HTML report to the {@code meshfed verify --html} report of its
 * mesh. Reports are written once per distinct content to {@code target/mesh-reports/} (beside
 * {@code target/cucumber-report.html}, so the {@code text/uri-list} link is relative to it);
 * scenarios sharing a mesh share a file. One instant per run keeps equal meshes' reports equal.
 * {@code -Dmeshfed.mesh-reports=none} writes and links none.
 */
final class MeshReportLink {

    static final String SETTING = System.getProperty("meshfed.mesh-reports", "target/mesh-reports");
    static final Path DIRECTORY = Path.of(SETTING);
    private static final Instant RUN_STARTED = Instant.now();
    private static final Optional<Graphviz> GRAPHVIZ = Graphviz.find();

    private MeshReportLink() {
    }

    static void attach(Scenario scenario, Backend backend) {
        if (SETTING.equals("none")) {
            return;
        }
        backend.meshReport().ifPresent(report ->
                scenario.attach(write(report, DIRECTORY), "text/uri-list", "mesh report: " + report.plan().spec().name()));
    }

    /** Writes the report into the directory unless an equal one is there; returns its path relative to the directory's parent. */
    static String write(Backend.MeshReport report, Path directory) {
        String html = VerifyHtmlReport.of(report.plan(), report.judges(), RUN_STARTED, GRAPHVIZ);
        String file = report.plan().spec().name() + "-" + sha256(html).substring(0, 12) + ".html";
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(file);
            if (!Files.exists(target)) {
                Files.writeString(target, html, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory.getFileName() + "/" + file;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
