package io.meshfed.judge;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.Map;
import java.util.Optional;

/**
 * The fault filter's effective config for a route: only when the HCM runs the fault filter, the most
 * specific {@code typed_per_filter_config} under the filter's name (route, then virtual host, then
 * route configuration) replaces the filter's own config.
 */
final class Faults {

    private Faults() {
    }

    static Fault of(HttpConnectionManager hcm, RouteConfiguration rc, VirtualHost vh, Route route) {
        for (HttpFilter f : hcm.getHttpFiltersList()) {
            if (f.getDisabled()) {
                continue;
            }
            Optional<HTTPFault> own = EnvoyTypes.unpack(f.getTypedConfig(), HTTPFault.class);
            if (own.isEmpty()) {
                continue;
            }
            HTTPFault effective = perRoute(route.getTypedPerFilterConfigMap(), f.getName())
                    .or(() -> perRoute(vh.getTypedPerFilterConfigMap(), f.getName()))
                    .or(() -> perRoute(rc.getTypedPerFilterConfigMap(), f.getName()))
                    .orElse(own.get());
            Fault fault = Fault.of(effective);
            return fault.none() ? null : fault;
        }
        return null;
    }

    private static Optional<HTTPFault> perRoute(Map<String, Any> configs, String filterName) {
        Any any = configs.get(filterName);
        if (any == null) {
            return Optional.empty();
        }
        Optional<FilterConfig> wrapped = EnvoyTypes.unpack(any, FilterConfig.class);
        return EnvoyTypes.unpack(wrapped.map(FilterConfig::getConfig).orElse(any), HTTPFault.class);
    }
}
