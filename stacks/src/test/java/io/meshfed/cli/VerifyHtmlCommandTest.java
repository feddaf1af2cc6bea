package io.meshfed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.judge.istio.OracleBinary;
import io.meshfed.topology.Graphviz;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshfed verify --html}: the report file for the chosen judges. */
class VerifyHtmlCommandTest {

    static final String SEED = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    @TempDir
    Path tmp;

    private String run(int exit, String... args) throws Exception {
        Path seed = Files.writeString(tmp.resolve("seed"), SEED);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--trust-seed-file";
        all[args.length + 1] = seed.toString();
        return CliRun.capture(exit, () -> MeshfedMain.run(all));
    }

    @Test
    void theSimulatedReportHasOneVerdictPerCellAndTheDiagram() throws Exception {
        Path report = tmp.resolve("out/report.html");
        String output = run(0, "verify", "-s", "local", "--html", report.toString());
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertEquals(2, html.split("<td class=\"cell ", -1).length - 1, "sleep -> httpbin and back");
        assertTrue(html.contains("judged by simulated;"), html);
        if (Graphviz.find().isPresent()) {
            assertTrue(html.contains("<svg"), "the diagram laid out by Graphviz");
        } else {
            assertTrue(output.contains(Graphviz.unavailableReason()), output);
        }
    }

    @Test
    void withBothJudgesTheirAnswersStandSideBySide() throws Exception {
        Assumptions.assumeTrue(OracleBinary.skipReason() == null, OracleBinary.skipReason());
        Path report = tmp.resolve("both.html");
        run(0, "verify", "-s", "local", "--judge", "both", "--html", report.toString());
        String html = Files.readString(report);
        assertTrue(html.contains("<th>simulated</th><th>istio</th>"), "route table columns");
        assertEquals(4, html.split("<div class=\"verdict ", -1).length - 1, "two cells, two judges each");
        assertTrue(html.contains("The judges agree on every route and pair."), html);
    }
}
