package io.meshfed.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The route table: per service, from each calling cluster/namespace to each host, where the requests go, per judge. */
final class RouteSection {

    private RouteSection() {
    }

    static void write(List<JudgeAnswers> judges, StringBuilder out) {
        Set<String> keys = new LinkedHashSet<>();
        judges.forEach(j -> keys.addAll(j.routes().keySet()));
        Map<String, List<String>> byService = new LinkedHashMap<>();
        keys.forEach(k -> byService.computeIfAbsent(k.substring(0, k.indexOf(" from ")), s -> new ArrayList<>()).add(k));
        out.append("<section id=\"routes\"><h2>Route table</h2>\n<p>Per service, from each calling cluster/namespace (GET /): ")
                .append("the share of requests per destination cluster/subset; <em>failed</em> sums requests that get no answer.</p>\n")
                .append("<table class=\"routes\"><thead><tr><th>service</th><th>from</th><th>host</th>");
        judges.forEach(j -> out.append("<th>").append(Html.escape(j.judge())).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        byService.forEach((service, rows) -> {
            boolean first = true;
            for (String key : rows) {
                String caller = key.substring(key.indexOf(" from ") + 6, key.indexOf(": "));
                String host = key.substring(key.indexOf(": ") + 2);
                boolean agree = judges.stream().map(j -> j.routes().get(key)).distinct().count() == 1;
                out.append("<tr class=\"").append(agree ? "agree" : "disagree").append("\">");
                out.append(first ? "<th rowspan=\"" + rows.size() + "\">" + Html.escape(service) + "</th>" : "");
                out.append("<td>").append(Html.escape(caller)).append("</td><td class=\"mono\">").append(Html.escape(host)).append("</td>");
                for (JudgeAnswers j : judges) {
                    String value = j.routes().get(key);
                    out.append("<td class=\"shares\">").append(value == null ? "<em>not judged</em>"
                            : String.join("<br>", Html.escape(Objects.requireNonNull(value)).split(" "))).append("</td>");
                }
                out.append("</tr>\n");
                first = false;
            }
        });
        out.append("</tbody></table></section>\n");
    }
}
