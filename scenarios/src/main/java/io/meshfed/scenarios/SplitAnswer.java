package io.meshfed.scenarios;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where requests went, in percent per {@code cluster/subset} (failures under {@code -/<status and
 * reason>}), from {@code requests} samples ({@code 0}: computed exactly), with the tolerance the
 * backend allows an expected percentage given how many keys are compared.
 */
public record SplitAnswer(String host, String rule, Map<String, Double> percentages, int requests, Tolerance tolerance) {

    public SplitAnswer {
        percentages = Map.copyOf(new TreeMap<>(percentages));
    }

    /** Allowed absolute deviation, in percentage points, for one expected percentage among {@code keys} compared. */
    @FunctionalInterface
    public interface Tolerance {
        double points(double expectedPercent, int keys);
    }

    public String describe() {
        StringBuilder out = new StringBuilder(host + " via " + rule + (requests == 0 ? " (exact)" : " (" + requests + " requests)") + ":");
        new TreeMap<>(percentages).forEach((k, v) -> out.append(String.format(" %s=%.2f%%", k, v)));
        return out.toString();
    }
}
