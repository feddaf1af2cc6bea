package io.meshfed.report;

import io.meshfed.trust.CaValidity;
import io.meshfed.trust.ExpiryReport;
import java.time.Duration;

/** Trust chains and expiry: per cluster its intermediate and the roots it trusts, with fingerprint, expiry and status. */
final class TrustSection {

    private TrustSection() {
    }

    static void write(ExpiryReport expiry, StringBuilder out) {
        out.append("<section id=\"trust\"><h2>Trust chains and expiry</h2>\n<p>At ").append(expiry.now())
                .append(", warning below ").append(expiry.warnBelow().toDays()).append(" days. Each cluster's intermediate is signed by ")
                .append("the root marked <em>signing</em>; a root marked <em>trusted</em> is only accepted (root rotation).</p>\n")
                .append("<table class=\"trust\"><thead><tr><th>cluster</th><th>CA</th><th>role</th><th>subject</th>")
                .append("<th>SHA-256</th><th>not after</th><th>left</th><th>status</th></tr></thead><tbody>\n");
        for (CaValidity ca : expiry.cas()) {
            out.append("<tr class=\"").append(Html.cssClass(ca.status().name())).append("\"><td>").append(Html.escape(ca.cluster()))
                    .append("</td><td>").append(ca.role().name().toLowerCase(java.util.Locale.ROOT))
                    .append("</td><td>").append(ca.signing() ? "signing" : "trusted")
                    .append("</td><td>").append(Html.escape(ca.subject()))
                    .append("</td><td class=\"mono\" title=\"").append(ca.fingerprintSha256()).append("\">")
                    .append(ca.fingerprintSha256(), 0, 16).append("…</td><td>").append(ca.notAfter())
                    .append("</td><td>").append(days(ca.remaining()))
                    .append("</td><td class=\"status\">").append(ca.status().name()).append("</td></tr>\n");
        }
        out.append("</tbody></table></section>\n");
    }

    private static String days(Duration remaining) {
        return remaining.toDays() + " d";
    }
}
