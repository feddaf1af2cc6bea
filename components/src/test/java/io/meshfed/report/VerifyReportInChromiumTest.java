package io.meshfed.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshfed.judge.istio.IstioAnswers;
import io.meshfed.judge.istio.IstioJudge;
import io.meshfed.judge.istio.IstioVerifyReport;
import io.meshfed.judge.istio.OracleBinary;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.topology.Graphviz;
import io.meshfed.translate.Examples;
import io.meshfed.translate.MeshPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The smh-workshop report opened in headless Chromium renders its diagram (every cluster and
 * gateway address as SVG text with an area on screen) and the whole matrix, with no console error;
 * the screenshot is kept as a build artefact in target/report/. Istio's judge is added side by side
 * when its binary is built.
 */
class VerifyReportInChromiumTest {

    static final Path OUT = Path.of("target", "report");

    @Test
    void theSmhWorkshopReportRendersItsDiagramAndMatrixWithoutConsoleErrors() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium.isPresent(), HeadlessChromium.UNAVAILABLE);
        Optional<Graphviz> graphviz = Graphviz.find();
        Assumptions.assumeTrue(graphviz.isPresent(), "Graphviz's dot is not on the PATH (apt-get install graphviz)");
        MeshPlan plan = Examples.plan("smh-workshop");
        List<JudgeAnswers> judges = new ArrayList<>(List.of(JudgeAnswers.simulated(plan)));
        if (OracleBinary.find() != null) {
            IstioVerifyReport istio = new IstioVerifyReport(new IstioAnswers(IstioJudge.of(plan)));
            judges.add(new JudgeAnswers("istio", istio.routes(), istio.matrix(), istio.findings()));
        }
        Path report = OUT.resolve("smh-workshop.html");
        Files.createDirectories(OUT);
        Files.writeString(report, VerifyHtmlReport.of(plan, judges, Instant.parse("2026-06-01T00:00:00Z"), graphviz));

        try (HeadlessChromium browser = new HeadlessChromium(chromium.get(), 1400, 1800)) {
            browser.open(report.toAbsolutePath().toUri());
            JsonNode page = browser.evaluate("""
                    (() => {
                      const svg = document.querySelector('#topology svg');
                      const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
                      return {
                        svgArea: box.width * box.height,
                        svgTexts: svg ? Array.from(svg.querySelectorAll('text')).map(t => t.textContent) : [],
                        cells: document.querySelectorAll('#matrix td.cell').length,
                        verdictsPerCell: document.querySelectorAll('#matrix td.cell .verdict').length,
                        visibleCells: Array.from(document.querySelectorAll('#matrix td.cell')).filter(c => c.getBoundingClientRect().height > 0).length,
                        resources: performance.getEntriesByType('resource').length
                      };
                    })()""");
            browser.screenshot(OUT.resolve("smh-workshop.png"));

            assertEquals(List.of(), browser.errors(), "console errors");
            assertTrue(page.path("svgArea").asDouble() > 100_000, "the diagram is drawn: " + page);
            String texts = page.path("svgTexts").toString();
            for (ClusterSpec c : plan.spec().clusters()) {
                assertTrue(texts.contains("\"" + c.name() + "\""), c.name() + " in the diagram: " + texts);
                assertTrue(texts.contains(c.eastWestGateway().address() + ":15443"), c.name() + "'s gateway in the diagram: " + texts);
            }
            int workloads = 9;
            assertEquals(workloads * (workloads - 1), page.path("cells").asInt(), "a cell per source and other destination");
            assertEquals(page.path("cells").asInt(), page.path("visibleCells").asInt(), "every cell has a height on screen");
            assertEquals(page.path("cells").asInt() * judges.size(), page.path("verdictsPerCell").asInt(), "each judge's verdict in each cell");
            assertEquals(0, page.path("resources").asInt(), "the page loads nothing");
        }
    }

    @Test
    void aScriptErrorOnThePageIsReported() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium.isPresent(), HeadlessChromium.UNAVAILABLE);
        Path page = Files.createDirectories(OUT).resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><script>console.error('said so'); undefinedFunction();</script></body></html>");
        try (HeadlessChromium browser = new HeadlessChromium(chromium.get(), 800, 600)) {
            browser.open(page.toAbsolutePath().toUri());
            String errors = String.join("\n", browser.errors());
            assertTrue(errors.contains("said so"), errors);
            assertTrue(errors.contains("undefinedFunction is not defined"), errors);
        }
    }
}
