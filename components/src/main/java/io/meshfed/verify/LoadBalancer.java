package io.meshfed.verify;

import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Envoy's share per endpoint. Without outlier detection unhealthy endpoints keep their share (and
 * fail). With it they are ejected and, locality LB being on by default, endpoints are grouped in
 * priorities — by {@code failoverPriority} labels when set, else by region/zone — and each
 * priority takes load by its health times Envoy's overprovisioning factor 1.4, scaled up to
 * 100% when the priorities' health sums to less.
 */
final class LoadBalancer {

    private static final double OVERPROVISIONING = 1.4;

    private LoadBalancer() {
    }

    /** Fractions (0..1) per endpoint; the endpoint {@code null} carries the fraction that fails. */
    static Map<Endpoint, Double> distribute(List<Endpoint> endpoints, Workload source, TrafficPolicy policy) {
        Map<Endpoint, Double> out = new LinkedHashMap<>();
        if (endpoints.isEmpty()) {
            out.put(null, 1.0);
            return out;
        }
        boolean outlier = policy != null && policy.getOutlierDetection() != null;
        if (!outlier) {
            double total = endpoints.stream().mapToLong(Endpoint::weight).sum();
            endpoints.forEach(e -> out.merge(e.healthy() ? e : null, e.weight() / total, Double::sum));
            return out;
        }
        TreeMap<Integer, List<Endpoint>> priorities = new TreeMap<>();
        List<String> labels = failoverPriority(policy);
        for (Endpoint e : endpoints) {
            int p = labels == null ? localityPriority(source.locality(), e.locality()) : labelPriority(labels, source, e);
            priorities.computeIfAbsent(p, k -> new ArrayList<>()).add(e);
        }
        List<Double> health = priorities.values().stream()
                .map(group -> Math.min(1.0, OVERPROVISIONING * group.stream().filter(Endpoint::healthy).count() / group.size()))
                .toList();
        double totalHealth = health.stream().mapToDouble(Double::doubleValue).sum();
        if (totalHealth == 0) {
            out.put(null, 1.0);
            return out;
        }
        // Below 100% total health Envoy scales the priority loads up to 100% (no panic: Istio's
        // minHealthPercent defaults to 0).
        double scale = totalHealth < 1.0 ? 1.0 / totalHealth : 1.0;
        double remaining = 1.0;
        int i = 0;
        for (List<Endpoint> group : priorities.values()) {
            List<Endpoint> healthy = group.stream().filter(Endpoint::healthy).toList();
            double load = Math.min(remaining, health.get(i++) * scale);
            double weights = healthy.stream().mapToLong(Endpoint::weight).sum();
            for (Endpoint e : healthy) {
                out.merge(e, load * e.weight() / weights, Double::sum);
            }
            remaining -= load;
            if (remaining <= 1e-9) {
                return out;
            }
        }
        out.put(null, remaining);
        return out;
    }

    private static List<String> failoverPriority(TrafficPolicy policy) {
        var lb = policy.getLoadBalancer();
        if (lb == null || lb.getLocalityLbSetting() == null) {
            return null;
        }
        List<String> labels = lb.getLocalityLbSetting().getFailoverPriority();
        return labels == null || labels.isEmpty() ? null : labels;
    }

    /**
     * The number of labels, in order, after the first one the endpoint does not match: a plain
     * label matches when the endpoint has the source's value, {@code key=value} when it has that value.
     */
    private static int labelPriority(List<String> labels, Workload source, Endpoint e) {
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            int eq = label.indexOf('=');
            String key = eq < 0 ? label : label.substring(0, eq);
            String want = eq < 0 ? source.labels().get(key) : label.substring(eq + 1);
            if (want == null || !want.equals(e.labels().get(key))) {
                return labels.size() - i;
            }
        }
        return 0;
    }

    private static int localityPriority(String source, String endpoint) {
        String[] s = (source == null ? "" : source).split("/");
        String[] e = (endpoint == null ? "" : endpoint).split("/");
        int shared = 0;
        while (shared < Math.min(s.length, e.length) && !s[shared].isEmpty() && s[shared].equals(e[shared])) {
            shared++;
        }
        return 3 - shared;
    }
}
