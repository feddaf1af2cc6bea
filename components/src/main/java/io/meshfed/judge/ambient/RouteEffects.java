package io.meshfed.judge.ambient;

import io.meshfed.judge.RouteDecision;
import java.time.Duration;

/**
 * What a route does to the requests it forwards (Envoy: the fault filter's per-route config, then the
 * router's timeout): a 100% fixed delay adds to the latency, a 100% abort answers with its status,
 * and a route timeout shorter than the latency below it answers 504 once it expires. The leg keeps
 * the tightest route timeout on its way, which also bounds the calls its server makes.
 */
final class RouteEffects {

    private RouteEffects() {
    }

    static AmbientLeg apply(AmbientLeg leg, RouteDecision d) {
        Duration delay = leg.delay();
        if (d.fault() != null && d.fault().delay() != null && d.fault().delayPercent() >= 100.0) {
            delay = delay.plus(d.fault().delay());
        }
        if (d.fault() != null && d.fault().abortHttpStatus() > 0 && d.fault().abortPercent() >= 100.0) {
            return leg.with(null, d.fault().abortHttpStatus(), "fault abort on route " + d.routeName(), delay, leg.timeout());
        }
        Duration timeout = d.timeout() == null ? leg.timeout()
                : leg.timeout() == null || d.timeout().compareTo(leg.timeout()) < 0 ? d.timeout() : leg.timeout();
        if (d.timeout() != null && delay.compareTo(d.timeout()) > 0) {
            return leg.with(null, 504, "upstream request timeout after " + d.timeout().toMillis() + "ms on route "
                    + d.routeName(), d.timeout(), timeout);
        }
        return leg.with(leg.servedBy(), leg.status(), leg.reason(), delay, timeout);
    }
}
