package io.meshfed.scenarios.real;

/**
 * The tolerance of sampled split assertions. With {@code n} requests and an expected share {@code p},
 * the count a correct configuration produces is Binomial(n, p); the tolerance {@code d} (in requests)
 * is the smallest with P(|X − np| > d) ≤ α / k computed from the exact binomial distribution, where
 * {@code k} is the number of (cluster, subset) keys compared. By the union bound a correct
 * configuration then fails a split assertion with probability at most α = {@value #FALSE_FAILURE_RATE}
 * (0.1 %). Expected shares of 0 % or 100 % have tolerance 0: every request must (not) land there.
 *
 * <p>At the default {@value #DEFAULT_REQUESTS} requests the tolerance is about ±4.9 points for 75 %,
 * ±4.1 for 15 %, ±3.4 for 10 % (three keys) and ±5.5 for 50 % (two keys).
 */
public final class SplitStatistics {

    public static final double FALSE_FAILURE_RATE = 0.001;
    public static final int DEFAULT_REQUESTS = 1000;

    private SplitStatistics() {
    }

    /** Requests per split assertion: {@code MESHFED_SPLIT_REQUESTS} (property or environment), default 1000. */
    public static int requests() {
        String v = System.getProperty("MESHFED_SPLIT_REQUESTS", System.getenv("MESHFED_SPLIT_REQUESTS"));
        return v == null || v.isBlank() ? DEFAULT_REQUESTS : Integer.parseInt(v.trim());
    }

    /** Tolerance in percentage points for an expected share (percent) among {@code keys} compared keys. */
    public static double tolerancePoints(double expectedPercent, int requests, int keys) {
        return 100.0 * toleranceRequests(expectedPercent / 100.0, requests, FALSE_FAILURE_RATE / Math.max(1, keys)) / requests;
    }

    /** Smallest d with P(|X − np| > d) ≤ alpha for X ~ Binomial(n, p). */
    private static final java.util.Map<String, Integer> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static int toleranceRequests(double p, int n, double alpha) {
        if (p <= 0 || p >= 1) {
            return 0;
        }
        return CACHE.computeIfAbsent(p + "/" + n + "/" + alpha, k -> compute(p, n, alpha));
    }

    private static int compute(double p, int n, double alpha) {
        double[] pmf = binomialPmf(n, p);
        double mean = n * p;
        for (int d = 0; d <= n; d++) {
            double outside = 0;
            for (int x = 0; x <= n; x++) {
                if (Math.abs(x - mean) > d + 1e-9) {
                    outside += pmf[x];
                }
            }
            if (outside <= alpha) {
                return d;
            }
        }
        return n;
    }

    static double[] binomialPmf(int n, double p) {
        double[] log = new double[n + 1];
        log[0] = n * Math.log1p(-p);
        double ratio = Math.log(p) - Math.log1p(-p);
        for (int x = 0; x < n; x++) {
            log[x + 1] = log[x] + Math.log(n - x) - Math.log(x + 1) + ratio;
        }
        double[] pmf = new double[n + 1];
        for (int x = 0; x <= n; x++) {
            pmf[x] = Math.exp(log[x]);
        }
        return pmf;
    }

    /** Whether observed counts match expected percentages within the tolerance (the rule SplitAssertion applies). */
    public static boolean accepts(java.util.Map<String, Double> expectedPercent, java.util.Map<String, Integer> counts, int requests) {
        java.util.Set<String> keys = new java.util.TreeSet<>(expectedPercent.keySet());
        keys.addAll(counts.keySet());
        for (String k : keys) {
            double want = expectedPercent.getOrDefault(k, 0.0);
            double got = 100.0 * counts.getOrDefault(k, 0) / requests;
            if (Math.abs(want - got) > tolerancePoints(want, requests, keys.size()) + 1e-9) {
                return false;
            }
        }
        return true;
    }
}
