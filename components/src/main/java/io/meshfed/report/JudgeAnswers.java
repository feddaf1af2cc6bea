package io.meshfed.report;

import io.meshfed.translate.MeshPlan;
import io.meshfed.verify.VerifyReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One judge's answers for the report, keyed as {@code meshfed verify} keys them: route rows
 * ({@code "<service.ns> from <cluster>/<ns>: <host>"} → percentages), matrix rows
 * ({@code "<source> -> <destination>"} → "allowed: …", "denied: …" or "no mTLS: …") and the
 * judge's own findings (Istio's validation and analyzers; none for the simulator).
 */
public record JudgeAnswers(String judge, Map<String, String> routes, Map<String, String> matrix, List<String> findings) {

    public JudgeAnswers {
        routes = new LinkedHashMap<>(routes);
        matrix = new LinkedHashMap<>(matrix);
        findings = List.copyOf(findings);
    }

    /** meshfed's simulator over the rendered objects. */
    public static JudgeAnswers simulated(MeshPlan plan) {
        return new JudgeAnswers("simulated", VerifyReport.routeRows(plan), VerifyReport.matrixRows(plan), List.of());
    }

    /** The verdict of a matrix row: the text before the first colon. */
    static String verdict(String matrixValue) {
        if (matrixValue == null) {
            return "not judged";
        }
        int colon = matrixValue.indexOf(':');
        return colon < 0 ? matrixValue : matrixValue.substring(0, colon);
    }

    /** The reason of a matrix row: the text after the first colon, without the verdict repeated in front. */
    static String reason(String matrixValue) {
        if (matrixValue == null) {
            return "";
        }
        int colon = matrixValue.indexOf(':');
        String reason = colon < 0 ? "" : matrixValue.substring(colon + 1).strip();
        String repeated = verdict(matrixValue) + ":";
        return reason.startsWith(repeated) ? reason.substring(repeated.length()).strip() : reason;
    }
}
