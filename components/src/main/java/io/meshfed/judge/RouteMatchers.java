package io.meshfed.judge;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import java.util.Locale;
import java.util.Map;

/**
 * Envoy's {@code RouteMatch}: the path specifier on {@code :path} without query and fragment
 * ({@code prefix}, {@code path}, {@code safe_regex} as a full match, {@code path_separated_prefix}),
 * honouring {@code case_sensitive} (default true, not applied to regexes); then every header matcher
 * and every query parameter matcher must match.
 */
public final class RouteMatchers {

    private RouteMatchers() {
    }

    public static boolean matches(RouteMatch m, HttpRequest request) {
        unsupported(m);
        boolean cs = !m.hasCaseSensitive() || m.getCaseSensitive().getValue();
        String path = cs ? request.pathOnly() : request.pathOnly().toLowerCase(Locale.ROOT);
        boolean pathOk = switch (m.getPathSpecifierCase()) {
            case PREFIX -> path.startsWith(fold(m.getPrefix(), cs));
            case PATH -> path.equals(fold(m.getPath(), cs));
            case SAFE_REGEX -> StringMatchers.regex(m.getSafeRegex(), request.pathOnly());
            case PATH_SEPARATED_PREFIX -> {
                String p = fold(m.getPathSeparatedPrefix(), cs);
                yield path.equals(p) || path.startsWith(p + "/");
            }
            // "the matcher will only match CONNECT or CONNECT-UDP requests" (route.v3.RouteMatch.connect_matcher)
            case CONNECT_MATCHER -> "CONNECT".equals(request.method());
            case PATH_MATCH_POLICY -> throw new UnsupportedOperationException(
                    "route match " + m.getPathSpecifierCase() + " is not modelled");
            case PATHSPECIFIER_NOT_SET -> throw new IllegalArgumentException("route match without a path specifier");
        };
        if (!pathOk) {
            return false;
        }
        if (m.hasGrpc() && !String.valueOf(request.header("content-type")).startsWith("application/grpc")) {
            return false;
        }
        for (HeaderMatcher h : m.getHeadersList()) {
            if (!HeaderMatchers.matches(h, request)) {
                return false;
            }
        }
        Map<String, String> query = request.queryParameters();
        for (QueryParameterMatcher q : m.getQueryParametersList()) {
            String value = query.get(q.getName());
            boolean ok = value != null
                    && (q.hasStringMatch() ? StringMatchers.matches(q.getStringMatch(), value) : q.getPresentMatch());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String fold(String s, boolean caseSensitive) {
        return caseSensitive ? s : s.toLowerCase(Locale.ROOT);
    }

    private static void unsupported(RouteMatch m) {
        if (m.hasRuntimeFraction() || m.getDynamicMetadataCount() > 0 || m.hasTlsContext()
                || m.getFilterStateCount() > 0) {
            throw new UnsupportedOperationException(
                    "route match on runtime fraction, dynamic metadata, TLS context or filter state is not modelled");
        }
    }
}
