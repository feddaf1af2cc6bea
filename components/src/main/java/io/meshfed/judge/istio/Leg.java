package io.meshfed.judge.istio;

import java.time.Duration;
import java.util.List;

/**
 * One way a request can go, with the fraction of requests that take it: the pod that served it
 * (null when it failed before reaching one), the HTTP status, why, whether it arrived over
 * Istio mTLS, and the hops it took as text.
 */
public record Leg(double share, SamplePod servedBy, int status, String reason, boolean mtls, Duration delay, List<String> hops) {

    public Leg {
        hops = List.copyOf(hops);
    }

    public boolean ok() {
        return servedBy != null && status < 400;
    }

    Leg scaled(double factor) {
        return new Leg(share * factor, servedBy, status, reason, mtls, delay, hops);
    }

    Leg via(String hop) {
        List<String> all = new java.util.ArrayList<>();
        all.add(hop);
        all.addAll(hops);
        return new Leg(share, servedBy, status, reason, mtls, delay, all);
    }

    static Leg failed(int status, String reason, List<String> hops) {
        return new Leg(1.0, null, status, reason, false, Duration.ZERO, hops);
    }
}
