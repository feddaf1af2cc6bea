package io.meshfed.judge;

import java.util.Arrays;

/**
 * Envoy's split of traffic across priority levels, in its own integer percent arithmetic
 * (source/common/upstream/load_balancer_impl.cc, {@code recalculatePerPriorityState},
 * {@code recalculatePerPriorityPanic}, {@code recalculateLoadInTotalPanic}; docs "Priority levels"
 * and "Panic threshold"). Degraded hosts are not modelled.
 *
 * <ul>
 *   <li>health(P) = min(100, factor × healthy / total) with the overprovisioning factor in percent
 *       (140 by default), counting hosts, or their weights under {@code weighted_priority_health};</li>
 *   <li>the normalised total availability is min(100, Σ health); each priority in order gets
 *       min(remaining, health × 100 / total availability) and any rounding remainder goes to the first
 *       priority with health &gt; 0, so the load is scaled up to 100 % when the total is below 100;</li>
 *   <li>a priority is in panic when its healthy host percentage is below the panic threshold, unless
 *       the total availability is 100; a priority in panic spreads its load over all its hosts;</li>
 *   <li>when every priority is in panic, each gets 100 × hosts / all hosts (remainder to the first
 *       non-empty one); with threshold 0 and nothing healthy, P0 gets 100 and nothing can be served.</li>
 * </ul>
 */
public record PriorityLoad(int[] load, boolean[] panic) {

    /** One priority level: its hosts, healthy hosts and their weights. */
    public record Level(int hosts, int healthyHosts, long totalWeight, long healthyWeight) {
    }

    public static PriorityLoad of(Level[] levels, int overprovisioningFactor, int panicThreshold, boolean weightedHealth) {
        int n = levels.length;
        int[] health = new int[n];
        for (int i = 0; i < n; i++) {
            Level l = levels[i];
            if (l.hosts() > 0) {
                long healthy = weightedHealth ? l.healthyWeight() : l.healthyHosts();
                long total = weightedHealth ? l.totalWeight() : l.hosts();
                health[i] = (int) Math.min(100, overprovisioningFactor * healthy / total);
            }
        }
        int totalAvailability = Math.min(100, Arrays.stream(health).sum());
        int[] load = new int[n];
        boolean[] panic = new boolean[n];
        if (totalAvailability > 0) {
            int remaining = 100;
            int first = -1;
            for (int i = 0; i < n; i++) {
                if (first < 0 && health[i] > 0) {
                    first = i;
                }
                load[i] = Math.min(remaining, health[i] * 100 / totalAvailability);
                remaining -= load[i];
            }
            load[first] += remaining;
        }
        if (panicThreshold == 0 && totalAvailability == 0) {
            load[0] = 100;
            return new PriorityLoad(load, panic);
        }
        boolean totalPanic = true;
        for (int i = 0; i < n; i++) {
            panic[i] = totalAvailability != 100 && inPanic(levels[i], panicThreshold);
            totalPanic &= panic[i];
        }
        if (totalPanic) {
            loadInTotalPanic(levels, load);
        }
        return new PriorityLoad(load, panic);
    }

    private static boolean inPanic(Level l, int threshold) {
        double healthyPercent = l.hosts() == 0 ? 0.0 : 100.0 * l.healthyHosts() / l.hosts();
        return healthyPercent < threshold;
    }

    private static void loadInTotalPanic(Level[] levels, int[] load) {
        int all = Arrays.stream(levels).mapToInt(Level::hosts).sum();
        Arrays.fill(load, 0);
        if (all == 0) {
            load[0] = 100;
            return;
        }
        int remaining = 100;
        int firstNonEmpty = -1;
        for (int i = 0; i < levels.length; i++) {
            if (firstNonEmpty < 0 && levels[i].hosts() > 0) {
                firstNonEmpty = i;
            }
            load[i] = 100 * levels[i].hosts() / all;
            remaining -= load[i];
        }
        load[firstNonEmpty] += remaining;
    }
}
