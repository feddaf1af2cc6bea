package io.meshfed.judge.ambient;

import io.meshfed.judge.istio.SamplePod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One way a request can go through an ambient mesh, with the fraction of requests that take it: the
 * pod that served it (null when it failed before one), the HTTP status, why, the delay faults added,
 * the tightest route timeout on the way (null: none), the hops as text and every mTLS connection it
 * used. A plaintext segment makes it not {@link #mtls()}.
 */
public record AmbientLeg(double share, SamplePod servedBy, int status, String reason, Duration delay, Duration timeout,
        List<String> hops, List<TlsHop> tls, boolean plaintextSegment) {

    public AmbientLeg {
        hops = List.copyOf(hops);
        tls = List.copyOf(tls);
    }

    static AmbientLeg failed(int status, String reason, String at) {
        return new AmbientLeg(1.0, null, status, reason, Duration.ZERO, null, List.of(at), List.of(), false);
    }

    static AmbientLeg served(SamplePod pod, int status, String reason, String at) {
        return new AmbientLeg(1.0, pod, status, reason, Duration.ZERO, null, List.of(at), List.of(), false);
    }

    public boolean ok() {
        return servedBy != null && status < 400;
    }

    /** Every segment was mTLS (HBONE or Istio mTLS). */
    public boolean mtls() {
        return !plaintextSegment && !tls.isEmpty();
    }

    AmbientLeg scaled(double factor) {
        return new AmbientLeg(share * factor, servedBy, status, reason, delay, timeout, hops, tls, plaintextSegment);
    }

    /** The leg preceded by a hop (text). */
    AmbientLeg via(String hop) {
        List<String> allHops = new ArrayList<>();
        allHops.add(hop);
        allHops.addAll(hops);
        return new AmbientLeg(share, servedBy, status, reason, delay, timeout, allHops, tls, plaintextSegment);
    }

    /** The leg preceded by an mTLS connection. */
    AmbientLeg over(TlsHop connection) {
        List<TlsHop> allTls = new ArrayList<>();
        allTls.add(connection);
        allTls.addAll(tls);
        return new AmbientLeg(share, servedBy, status, reason, delay, timeout, hops, allTls, plaintextSegment);
    }

    /** The leg preceded by a plaintext connection. */
    AmbientLeg plaintext() {
        return new AmbientLeg(share, servedBy, status, reason, delay, timeout, hops, tls, true);
    }

    AmbientLeg with(SamplePod pod, int newStatus, String newReason, Duration newDelay, Duration newTimeout) {
        return new AmbientLeg(share, pod, newStatus, newReason, newDelay, newTimeout, hops, tls, plaintextSegment);
    }
}
