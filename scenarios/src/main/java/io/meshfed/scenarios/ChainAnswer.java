package io.meshfed.scenarios;

/** A chained request: final status, observed latency and the tolerance the backend measures latency with. */
public record ChainAnswer(int status, long latencyMillis, long toleranceMillis, String explanation) {

    public boolean matches(int expectedStatus, long expectedMillis) {
        return status == expectedStatus && Math.abs(latencyMillis - expectedMillis) <= toleranceMillis;
    }
}
