package io.meshfed.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.topology.Graphviz;
import io.meshfed.translate.Examples;
import io.meshfed.translate.MeshPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VerifyHtmlReportTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final MeshPlan PLAN = Examples.plan("smh-workshop");

    @Test
    void everyMatrixRowIsACellWithItsVerdictAndReason() {
        JudgeAnswers simulated = JudgeAnswers.simulated(PLAN);
        String html = VerifyHtmlReport.of(PLAN, List.of(simulated), NOW, Optional.empty());
        assertEquals(simulated.matrix().size(), count(html, "<td class=\"cell "));
        String allowed = simulated.matrix().values().stream().filter(v -> v.startsWith("allowed")).findFirst().orElseThrow();
        assertTrue(html.contains("<div class=\"why\">" + Html.escape(JudgeAnswers.reason(allowed)) + "</div>"), allowed);
        assertFalse(html.contains("agreement"), "one judge: nothing to compare");
    }

    @Test
    void twoJudgesStandSideBySideAndTheirDisagreementsAreMarked() {
        JudgeAnswers simulated = JudgeAnswers.simulated(PLAN);
        Map<String, String> matrix = new LinkedHashMap<>(simulated.matrix());
        String flipped = matrix.keySet().stream().filter(k -> matrix.get(k).startsWith("allowed")).findFirst().orElseThrow();
        matrix.put(flipped, "denied: RBAC: access denied");
        JudgeAnswers other = new JudgeAnswers("other", simulated.routes(), matrix, List.of("kind1: no errors, no warnings"));
        String html = VerifyHtmlReport.of(PLAN, List.of(simulated, other), NOW, Optional.empty());
        assertEquals(2 * simulated.matrix().size(), count(html, "<div class=\"verdict "));
        assertEquals(1, count(html, " disagree\">"), "exactly the flipped cell is marked");
        assertTrue(html.contains("The judges disagree on 1 rows"), "agreement section");
        assertTrue(html.contains("<li>pair " + Html.escape(flipped.strip().replaceAll("\\s+", " ")) + "</li>"));
        assertTrue(html.contains("kind1: no errors, no warnings"), "findings");
    }

    @Test
    void withoutGraphvizTheDiagramIsItsDotSourceWithTheReason() {
        String html = VerifyHtmlReport.of(PLAN, List.of(JudgeAnswers.simulated(PLAN)), NOW, Optional.empty());
        assertTrue(html.contains("<p class=\"note\" id=\"no-graphviz\">" + Html.escape(Graphviz.unavailableReason())));
        assertTrue(html.contains("digraph &quot;mesh smh-workshop (sidecar)&quot;"));
        assertFalse(html.contains("<svg"));
    }

    @Test
    void aGraphvizThatFailsIsAnErrorNotAnEmptyPicture() {
        Graphviz broken = new Graphviz(Path.of("/bin/false"));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> VerifyHtmlReport.of(PLAN, List.of(JudgeAnswers.simulated(PLAN)), NOW, Optional.of(broken)));
        assertTrue(e.getMessage().startsWith("dot failed (exit 1)"), e.getMessage());
    }

    @Test
    void theTrustSectionListsEachClustersIntermediateAndRootWithStatus() {
        String html = VerifyHtmlReport.of(PLAN, List.of(JudgeAnswers.simulated(PLAN)), Instant.parse("2029-12-15T00:00:00Z"), Optional.empty());
        assertEquals(3, count(html, "<td>intermediate</td><td>signing</td>"));
        assertEquals(3, count(html, "<td class=\"status\">EXPIRES_SOON</td>"), "the intermediates end 2029-12-31, within 30 days");
        assertEquals(3, count(html, "<td class=\"status\">VALID</td>"), "the root lasts until 2045");
    }

    @Test
    void thePageLoadsNothing() {
        String html = VerifyHtmlReport.of(PLAN, List.of(JudgeAnswers.simulated(PLAN)), NOW, Graphviz.find());
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no external resource");
        assertFalse(html.contains("<script"), "no script");
    }

    private static int count(String text, String literal) {
        Matcher m = Pattern.compile(Pattern.quote(literal)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
