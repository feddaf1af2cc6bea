package io.meshfed.judge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PriorityLoadTest {

    private static PriorityLoad.Level hosts(int all, int healthy) {
        return new PriorityLoad.Level(all, healthy, all, healthy);
    }

    private static PriorityLoad load(PriorityLoad.Level... levels) {
        return PriorityLoad.of(levels, 140, 50, false);
    }

    /**
     * Envoy's docs table ("Priority levels", two levels, P1 fully healthy, factor 1.4): P0 healthy
     * 100 % → 100/0; 72 % → 100/0 (1.4 × 72 = 100.8, capped); 71 % → 99/1 (1.4 × 71 = 99.4, floored);
     * 50 % → 70/30; 25 % → 35/65; 0 % → 0/100.
     */
    @Test
    void docsTableForTwoPriorities() {
        assertArrayEquals(new int[] {100, 0}, load(hosts(100, 100), hosts(100, 100)).load());
        assertArrayEquals(new int[] {100, 0}, load(hosts(100, 72), hosts(100, 100)).load());
        assertArrayEquals(new int[] {99, 1}, load(hosts(100, 71), hosts(100, 100)).load());
        assertArrayEquals(new int[] {70, 30}, load(hosts(100, 50), hosts(100, 100)).load());
        assertArrayEquals(new int[] {35, 65}, load(hosts(100, 25), hosts(100, 100)).load());
        assertArrayEquals(new int[] {0, 100}, load(hosts(100, 0), hosts(100, 100)).load());
    }

    /** Docs table, three levels: P0 20 % healthy → 28, P1 20 % → 28, P2 100 % → the remaining 44. */
    @Test
    void docsTableForThreePriorities() {
        assertArrayEquals(new int[] {28, 28, 44}, load(hosts(100, 20), hosts(100, 20), hosts(100, 100)).load());
    }

    /**
     * P0 health 0, P1 10 hosts / 5 healthy → 1.4 × 50 = 70; the total availability 70 is below 100,
     * so P1's load is scaled to 70 × 100 / 70 = 100; P1 (50 % healthy) is not below the 50 % threshold.
     */
    @Test
    void loadIsNormalisedWhenTotalAvailabilityIsBelow100() {
        PriorityLoad l = load(hosts(2, 0), hosts(10, 5));
        assertArrayEquals(new int[] {0, 100}, l.load());
        assertArrayEquals(new boolean[] {true, false}, l.panic());
    }

    /**
     * P0 10 hosts / 2 healthy → 28, P1 2 hosts / 1 healthy → 70; total 98: P0 = 2800 / 98 = 28,
     * P1 = min(72, 7000 / 98 = 71) = 71, the remainder 1 goes to the first healthy priority, P0 → 29.
     * P0 (20 % healthy) is in panic, P1 (50 %) is not.
     */
    @Test
    void roundingRemainderGoesToTheFirstHealthyPriorityAndPanicIsPerPriority() {
        PriorityLoad l = load(hosts(10, 2), hosts(2, 1));
        assertArrayEquals(new int[] {29, 71}, l.load());
        assertArrayEquals(new boolean[] {true, false}, l.panic());
    }

    /** P0 6/10 → 84, P1 2/10 → 28: total capped at 100, so no priority is in panic (P1 gets 16). */
    @Test
    void noPanicWhenTotalAvailabilityIs100() {
        PriorityLoad l = load(hosts(10, 6), hosts(10, 2));
        assertArrayEquals(new int[] {84, 16}, l.load());
        assertArrayEquals(new boolean[] {false, false}, l.panic());
    }

    /** Every priority in panic: load by host count, 3 of 4 hosts → 75, 1 of 4 → 25. */
    @Test
    void totalPanicSplitsByHostCount() {
        PriorityLoad l = load(hosts(3, 0), hosts(1, 0));
        assertArrayEquals(new int[] {75, 25}, l.load());
        assertArrayEquals(new boolean[] {true, true}, l.panic());
    }

    @Test
    void panicDisabledWithNothingHealthyLeavesP0WithNoHostToPick() {
        PriorityLoad l = PriorityLoad.of(new PriorityLoad.Level[] {hosts(3, 0), hosts(1, 0)}, 140, 0, false);
        assertArrayEquals(new int[] {100, 0}, l.load());
        assertArrayEquals(new boolean[] {false, false}, l.panic());
    }

    /** weighted_priority_health: P0 has weights 3 (healthy) + 1 (ejected) → 1.4 × 3/4 = 105 → 100. */
    @Test
    void weightedPriorityHealthCountsWeights() {
        PriorityLoad.Level p0 = new PriorityLoad.Level(2, 1, 4, 3);
        assertArrayEquals(new int[] {70, 30}, PriorityLoad.of(new PriorityLoad.Level[] {p0, hosts(2, 2)}, 140, 50, false).load());
        assertArrayEquals(new int[] {100, 0}, PriorityLoad.of(new PriorityLoad.Level[] {p0, hosts(2, 2)}, 140, 50, true).load());
    }
}
