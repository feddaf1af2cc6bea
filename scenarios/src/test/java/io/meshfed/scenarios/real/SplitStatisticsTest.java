package io.meshfed.scenarios.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The split tolerance, checked by a seeded simulation of request counts: a correct configuration
 * must fail at most 0.1 % of the time at the documented request count, a wrong one almost always.
 */
class SplitStatisticsTest {

    private static final int TRIALS = 20_000;

    /** Fraction of simulated runs (n requests drawn from {@code truth}) the assertion against {@code expected} rejects. */
    static double rejectionRate(Map<String, Double> expected, Map<String, Double> truth, int n, long seed) {
        Random random = new Random(seed);
        String[] keys = truth.keySet().toArray(String[]::new);
        double[] cumulative = new double[keys.length];
        double sum = 0;
        for (int i = 0; i < keys.length; i++) {
            sum += truth.get(keys[i]) / 100.0;
            cumulative[i] = sum;
        }
        int rejected = 0;
        for (int t = 0; t < TRIALS; t++) {
            int[] counts = new int[keys.length];
            for (int r = 0; r < n; r++) {
                double u = random.nextDouble();
                int k = 0;
                while (k < keys.length - 1 && u >= cumulative[k]) {
                    k++;
                }
                counts[k]++;
            }
            Map<String, Integer> observed = new TreeMap<>();
            for (int i = 0; i < keys.length; i++) {
                if (counts[i] > 0) {
                    observed.put(keys[i], counts[i]);
                }
            }
            if (!SplitStatistics.accepts(expected, observed, n)) {
                rejected++;
            }
        }
        return (double) rejected / TRIALS;
    }

    private static Map<String, Double> split(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void correctSplitsFailAtMostOnePerThousandAtTheDocumentedRequestCount() {
        int n = SplitStatistics.DEFAULT_REQUESTS;
        for (Map<String, Double> s : java.util.List.of(
                split("kind3/v3", 75, "kind2/v1", 15, "kind2/v2", 10),
                split("cluster2/v2", 50, "cluster2/v3", 50),
                split("a/v1", 95, "b/v1", 5),
                split("a/v1", 99, "b/v1", 1))) {
            double rate = rejectionRate(s, s, n, 42);
            assertTrue(rate <= SplitStatistics.FALSE_FAILURE_RATE, "false-failure rate " + rate + " for " + s);
        }
    }

    @Test
    void aSplitTenPointsOffIsCaught() {
        int n = SplitStatistics.DEFAULT_REQUESTS;
        double power = rejectionRate(split("kind3/v3", 75, "kind2/v1", 15, "kind2/v2", 10),
                split("kind3/v3", 65, "kind2/v1", 25, "kind2/v2", 10), n, 7);
        assertTrue(power >= 0.99, "a 75/15/10 assertion against a 65/25/10 mesh is rejected in only " + power);
        assertTrue(rejectionRate(split("a/v1", 50, "b/v1", 50), split("a/v1", 60, "b/v1", 40), n, 9) >= 0.99);
    }

    @Test
    void documentedTolerances() {
        assertEquals(0.0, SplitStatistics.tolerancePoints(100, 1000, 1));
        assertEquals(0.0, SplitStatistics.tolerancePoints(0, 1000, 3));
        // the numbers quoted in SplitStatistics' javadoc and the README
        assertEquals(4.9, SplitStatistics.tolerancePoints(75, 1000, 3), 0.15);
        assertEquals(5.5, SplitStatistics.tolerancePoints(50, 1000, 2), 0.15);
        assertTrue(SplitStatistics.tolerancePoints(50, 4000, 2) < SplitStatistics.tolerancePoints(50, 1000, 2) / 1.9, "tolerance shrinks as 1/sqrt(n)");
    }
}
