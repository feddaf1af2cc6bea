package io.meshfed.judge;

import io.envoyproxy.envoy.type.v3.FractionalPercent;
import java.time.Duration;

/** Conversions of protobuf durations and Envoy fractional percentages. */
final class Durations {

    private Durations() {
    }

    static Duration of(com.google.protobuf.Duration d) {
        return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }

    /** A {@code FractionalPercent} as a percentage (0..100). */
    static double percent(FractionalPercent p) {
        double denominator = switch (p.getDenominator()) {
            case HUNDRED -> 100;
            case TEN_THOUSAND -> 10_000;
            case MILLION -> 1_000_000;
            case UNRECOGNIZED -> throw new IllegalArgumentException("unknown denominator in " + p);
        };
        return Math.min(100.0, 100.0 * p.getNumerator() / denominator);
    }
}
