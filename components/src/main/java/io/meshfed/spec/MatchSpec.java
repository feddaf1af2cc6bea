package io.meshfed.spec;

import java.util.Map;

/** Request match: header values and URI, each exact, prefix or regex. */
public record MatchSpec(Map<String, StringMatchSpec> headers, StringMatchSpec uri) {

    public MatchSpec {
        headers = Lists.of(headers);
    }
}
