package io.meshfed.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where requests to a host go from one source, with the route's timeout and injected faults. */
public record RouteResult(String host, String rule, List<Share> shares, Duration timeout, Duration delay, double delayPercent,
        Integer abortStatus, double abortPercent) {

    public RouteResult {
        shares = List.copyOf(shares);
    }

    /** Shares summed per cluster and version (failures under cluster "-" keyed by their outcome). */
    public Map<String, Double> percentages() {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (Share s : shares) {
            String key = s.ok() ? s.cluster() + "/" + (s.version() == null ? "-" : s.version()) : "-/" + s.outcome();
            sums.merge(key, s.percent(), Double::sum);
        }
        return sums;
    }

    public List<String> clustersServing() {
        List<String> clusters = new ArrayList<>();
        shares.stream().filter(s -> s.ok() && s.percent() > 0).map(Share::cluster).distinct().forEach(clusters::add);
        return clusters;
    }

    public String describe() {
        StringBuilder out = new StringBuilder(host + " via " + rule + ":");
        percentages().forEach((k, v) -> out.append(String.format(" %s=%.2f%%", k, v)));
        if (timeout != null) {
            out.append(" timeout=").append(timeout.toMillis()).append("ms");
        }
        if (delay != null) {
            out.append(String.format(" delay=%dms@%.0f%%", delay.toMillis(), delayPercent));
        }
        if (abortStatus != null) {
            out.append(String.format(" abort=%d@%.0f%%", abortStatus, abortPercent));
        }
        return out.toString();
    }
}
