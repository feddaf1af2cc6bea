package io.meshfed.scenarios;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares an expected split with a backend's answer. A key missing on one side counts as 0 %; each
 * key may deviate by the tolerance the answer states for its expected percentage (zero on the
 * simulated backend beyond {@code -Dmeshfed.split.tolerance}, statistical on real ones).
 */
public final class SplitAssertion {

    private SplitAssertion() {
    }

    /** Null when the answer matches, else a readable table of expected and actual shares. */
    public static String diff(Map<String, Double> expected, SplitAnswer answer) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(answer.percentages().keySet());
        int compared = keys.size();
        boolean equal = true;
        Map<String, Double> tolerance = new TreeMap<>();
        for (String k : keys) {
            double want = expected.getOrDefault(k, 0.0);
            double got = answer.percentages().getOrDefault(k, 0.0);
            double tol = answer.tolerance().points(want, compared);
            tolerance.put(k, tol);
            if (Math.abs(want - got) > tol) {
                equal = false;
            }
        }
        if (equal) {
            return null;
        }
        StringBuilder diff = new StringBuilder("split differs (" + answer.rule() + " for " + answer.host()
                + (answer.requests() == 0 ? ", exact" : ", " + answer.requests() + " requests") + ")\n"
                + "  | cluster/subset | expected | actual | tolerance |\n");
        for (String k : keys) {
            String want = fmt(expected.get(k));
            String got = fmt(answer.percentages().get(k));
            boolean differs = Math.abs(expected.getOrDefault(k, 0.0) - answer.percentages().getOrDefault(k, 0.0)) > tolerance.get(k);
            diff.append(String.format("  | %-14s | %8s | %6s | %9s |%s%n", k, want, got, String.format("±%.2f", tolerance.get(k)),
                    differs || (!Objects.equals(want, got) && tolerance.get(k) == 0) ? "  <-- differs" : ""));
        }
        return diff.toString();
    }

    private static String fmt(Double d) {
        return d == null ? "-" : String.format("%.2f", d);
    }
}
