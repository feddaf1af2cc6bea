package io.meshfed.judge;

import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.util.Optional;

/** The HTTP connection manager of a filter chain, found by its typed config. */
public final class HttpConnectionManagers {

    private HttpConnectionManagers() {
    }

    /** The chain's HCM, or empty when the chain ends in another network filter (e.g. tcp_proxy). */
    public static Optional<HttpConnectionManager> of(FilterChain chain) {
        for (Filter f : chain.getFiltersList()) {
            Optional<HttpConnectionManager> hcm = EnvoyTypes.unpack(f.getTypedConfig(), HttpConnectionManager.class);
            if (hcm.isPresent()) {
                return hcm;
            }
        }
        return Optional.empty();
    }
}
