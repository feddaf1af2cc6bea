package io.meshfed.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reachability/authorisation matrix: a row per source workload, a column per destination
 * service, each cell coloured by its verdict with every judge's verdict and reason in it.
 */
final class MatrixSection {

    private MatrixSection() {
    }

    static void write(List<JudgeAnswers> judges, StringBuilder out) {
        Set<String> keys = new LinkedHashSet<>();
        judges.forEach(j -> keys.addAll(j.matrix().keySet()));
        Set<String> sources = new LinkedHashSet<>();
        Set<String> destinations = new LinkedHashSet<>();
        Map<String, String> keyOfPair = new LinkedHashMap<>();
        for (String key : keys) {
            String[] ends = key.split(" -> ", 2);
            sources.add(ends[0].strip());
            destinations.add(ends[1].strip());
            keyOfPair.put(ends[0].strip() + "\n" + ends[1].strip(), key);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.merge(JudgeAnswers.verdict(judges.get(0).matrix().get(k)), 1, Integer::sum));
        out.append("<section id=\"matrix\"><h2>Reachability / authorisation matrix</h2>\n<p>GET / from each source workload (row) ")
                .append("to each destination service (column). ");
        counts.forEach((verdict, n) -> out.append("<span class=\"chip ").append(Html.cssClass(verdict)).append("\">")
                .append(Html.escape(verdict)).append(": ").append(n).append("</span> "));
        out.append("</p>\n<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>source \\ destination</th>");
        destinations.forEach(d -> out.append("<th>").append(Html.escape(d)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (String source : sources) {
            out.append("<tr><th>").append(Html.escape(source)).append("</th>");
            for (String destination : destinations) {
                String key = keyOfPair.get(source + "\n" + destination);
                if (key == null) {
                    out.append("<td class=\"self\"></td>");
                } else {
                    cell(judges, key, out);
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div></section>\n");
    }

    private static void cell(List<JudgeAnswers> judges, String key, StringBuilder out) {
        String first = JudgeAnswers.verdict(judges.get(0).matrix().get(key));
        boolean agree = judges.stream().allMatch(j -> JudgeAnswers.verdict(j.matrix().get(key)).equals(first));
        out.append("<td class=\"cell ").append(Html.cssClass(first)).append(agree ? "" : " disagree").append("\">");
        for (JudgeAnswers j : judges) {
            String value = j.matrix().get(key);
            String verdict = JudgeAnswers.verdict(value);
            out.append("<div class=\"verdict ").append(Html.cssClass(verdict)).append("\">")
                    .append(judges.size() > 1 ? "<b>" + Html.escape(j.judge()) + "</b> " : "")
                    .append(Html.escape(verdict)).append("</div><div class=\"why\">").append(Html.escape(JudgeAnswers.reason(value)))
                    .append("</div>");
        }
        out.append("</td>");
    }
}
