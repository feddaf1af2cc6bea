package io.meshfed.spec;

/** Fault injection: a fixed delay and/or an aborted request, each on a percentage of requests. */
public record FaultSpec(DelaySpec delay, AbortSpec abort) {

    public record DelaySpec(String fixedDelay, Double percent) {
    }

    public record AbortSpec(Integer httpStatus, Double percent) {
    }
}
