package io.meshfed.spec;

import java.util.List;

/** One route: an optional match, a weighted split, and timeout, retries and fault injection. */
public record RouteSpec(
        String name,
        MatchSpec match,
        List<SplitSpec> split,
        String timeout,
        RetrySpec retries,
        FaultSpec fault) {

    public RouteSpec {
        split = Lists.of(split);
    }
}
