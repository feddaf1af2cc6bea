package io.meshfed.spec;

/** Retry policy of a route. */
public record RetrySpec(Integer attempts, String perTryTimeout, String retryOn) {
}
