package io.meshfed.judge;

import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.Locale;
import java.util.Optional;

/**
 * Envoy's virtual host lookup by the {@code :authority} (docs: {@code VirtualHost.domains}): an exact
 * domain first, then the longest suffix wildcard ({@code *.foo.com}, {@code *-bar.foo.com}), then the
 * longest prefix wildcard ({@code foo.*}), then {@code *}. A wildcard never matches the empty string.
 * Domains are compared case-insensitively, port included when the authority carries one.
 */
public final class VirtualHosts {

    private VirtualHosts() {
    }

    public static Optional<VirtualHost> select(RouteConfiguration config, String authority) {
        String host = authority.toLowerCase(Locale.ROOT);
        VirtualHost suffixBest = null;
        VirtualHost prefixBest = null;
        VirtualHost any = null;
        int suffixLen = -1;
        int prefixLen = -1;
        for (VirtualHost vh : config.getVirtualHostsList()) {
            for (String raw : vh.getDomainsList()) {
                String d = raw.toLowerCase(Locale.ROOT);
                if (d.equals("*")) {
                    any = any == null ? vh : any;
                } else if (d.startsWith("*")) {
                    String suffix = d.substring(1);
                    if (host.length() > suffix.length() && host.endsWith(suffix) && suffix.length() > suffixLen) {
                        suffixBest = vh;
                        suffixLen = suffix.length();
                    }
                } else if (d.endsWith("*")) {
                    String prefix = d.substring(0, d.length() - 1);
                    if (host.length() > prefix.length() && host.startsWith(prefix) && prefix.length() > prefixLen) {
                        prefixBest = vh;
                        prefixLen = prefix.length();
                    }
                } else if (d.equals(host)) {
                    return Optional.of(vh);
                }
            }
        }
        if (suffixBest != null) {
            return Optional.of(suffixBest);
        }
        return Optional.ofNullable(prefixBest != null ? prefixBest : any);
    }
}
