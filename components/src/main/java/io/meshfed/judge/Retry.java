package io.meshfed.judge;

import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import java.time.Duration;
import java.util.List;

/**
 * A route's retry policy: Envoy retries {@code numRetries} times (1 when the policy leaves it unset)
 * on the {@code retryOn} conditions; {@code perTryTimeout} is null when unset (the route timeout applies).
 */
public record Retry(String retryOn, int numRetries, Duration perTryTimeout, List<Integer> retriableStatusCodes) {

    public static Retry of(RetryPolicy p) {
        return new Retry(p.getRetryOn(), p.hasNumRetries() ? p.getNumRetries().getValue() : 1,
                p.hasPerTryTimeout() ? Durations.of(p.getPerTryTimeout()) : null,
                List.copyOf(p.getRetriableStatusCodesList()));
    }
}
