package io.meshfed.judge;

import io.envoyproxy.envoy.extensions.filters.http.fault.v3.FaultAbort;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import java.time.Duration;

/**
 * The fault a request meets: a fixed delay for {@code delayPercent} % of requests and an abort with
 * {@code abortHttpStatus} (0 when none, or a gRPC/header abort) for {@code abortPercent} %. Header
 * matchers, downstream nodes and active-fault limits of the fault filter are not modelled.
 */
public record Fault(Duration delay, double delayPercent, int abortHttpStatus, double abortPercent) {

    public static Fault of(HTTPFault f) {
        if (f.hasDelay() && f.getDelay().hasHeaderDelay()) {
            throw new UnsupportedOperationException("header-controlled fault delay is not modelled");
        }
        Duration delay = f.hasDelay() && f.getDelay().hasFixedDelay() ? Durations.of(f.getDelay().getFixedDelay()) : null;
        double delayPct = delay == null ? 0 : Durations.percent(f.getDelay().getPercentage());
        FaultAbort a = f.getAbort();
        double abortPct = f.hasAbort() ? Durations.percent(a.getPercentage()) : 0;
        return new Fault(delay, delayPct, f.hasAbort() ? a.getHttpStatus() : 0, abortPct);
    }

    public boolean none() {
        return delayPercent == 0 && abortPercent == 0;
    }
}
