package io.meshfed.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Validity of every CA, per cluster, at {@code now}; entries not {@code VALID} are warnings. */
public record ExpiryReport(Instant now, Duration warnBelow, List<CaValidity> cas) {
    public ExpiryReport {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(warnBelow, "warnBelow");
        cas = List.copyOf(cas);
    }

    public List<CaValidity> warnings() {
        return cas.stream().filter(ca -> ca.status() != CaValidity.Status.VALID).toList();
    }

    public boolean hasWarnings() {
        return !warnings().isEmpty();
    }

    public List<CaValidity> forCluster(String cluster) {
        return cas.stream().filter(ca -> ca.cluster().equals(cluster)).toList();
    }

    /** One line per CA, for a CLI or a log. */
    public String render() {
        String header = String.format(Locale.ROOT, "CA validity at %s (warning below %s)%n", now, humanize(warnBelow));
        return header + cas.stream()
                .map(ca -> String.format(Locale.ROOT, "%-24s %-12s %-8s %-14s until %s  %s  %s%n",
                        ca.cluster(), ca.role(), ca.signing() ? "signing" : "trusted", ca.status(),
                        ca.notAfter(), humanize(ca.remaining()), ca.subject()))
                .collect(Collectors.joining());
    }

    private static String humanize(Duration duration) {
        long days = duration.toDays();
        return days != 0 ? days + "d" : duration.toHours() + "h";
    }
}
