package io.meshfed.judge;

import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Envoy's {@code type.matcher.v3.StringMatcher}. RE2 regexes run as Java regexes and must match the
 * whole value, as Envoy's {@code safe_regex} does; the patterns Istio writes are in their common subset.
 */
public final class StringMatchers {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private StringMatchers() {
    }

    public static boolean matches(StringMatcher m, String value) {
        boolean ic = m.getIgnoreCase();
        return switch (m.getMatchPatternCase()) {
            case EXACT -> ic ? m.getExact().equalsIgnoreCase(value) : m.getExact().equals(value);
            case PREFIX -> ic ? lower(value).startsWith(lower(m.getPrefix())) : value.startsWith(m.getPrefix());
            case SUFFIX -> ic ? lower(value).endsWith(lower(m.getSuffix())) : value.endsWith(m.getSuffix());
            case CONTAINS -> ic ? lower(value).contains(lower(m.getContains())) : value.contains(m.getContains());
            case SAFE_REGEX -> regex(m.getSafeRegex(), value);
            case CUSTOM -> throw new UnsupportedOperationException(
                    "custom string matcher " + m.getCustom().getName() + " is not modelled");
            case MATCHPATTERN_NOT_SET -> throw new IllegalArgumentException("string matcher without a pattern");
        };
    }

    /** Full match of an RE2 {@code RegexMatcher}. */
    public static boolean regex(RegexMatcher m, String value) {
        return PATTERNS.computeIfAbsent(m.getRegex(), Pattern::compile).matcher(value).matches();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
