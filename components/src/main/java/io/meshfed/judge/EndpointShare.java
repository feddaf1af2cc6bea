package io.meshfed.judge;

import io.envoyproxy.envoy.config.core.v3.Metadata;

/**
 * The expected fraction of a cluster's requests that one endpoint receives. A share on an endpoint
 * that is not {@code healthy} (only possible in panic) is a failed request.
 */
public record EndpointShare(String address, Metadata metadata, String locality, int priority, double share,
        boolean healthy) {
}
