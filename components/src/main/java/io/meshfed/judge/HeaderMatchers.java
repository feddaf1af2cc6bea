package io.meshfed.judge;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;

/**
 * Envoy's {@code HeaderMatcher} (source/common/http/header_utility.cc): a missing header matches only
 * a presence matcher asking for absence (or, inverted, for presence), unless
 * {@code treat_missing_header_as_empty} makes it the empty value; every other result is XOR'd with
 * {@code invert_match}. An empty legacy {@code exact_match} only asks for presence.
 */
public final class HeaderMatchers {

    private HeaderMatchers() {
    }

    public static boolean matches(HeaderMatcher m, HttpRequest request) {
        String value = request.header(m.getName());
        boolean presence = m.getHeaderMatchSpecifierCase() == HeaderMatcher.HeaderMatchSpecifierCase.PRESENT_MATCH
                || m.getHeaderMatchSpecifierCase() == HeaderMatcher.HeaderMatchSpecifierCase.HEADERMATCHSPECIFIER_NOT_SET;
        boolean wantsPresent = m.getHeaderMatchSpecifierCase() != HeaderMatcher.HeaderMatchSpecifierCase.PRESENT_MATCH
                || m.getPresentMatch();
        if (value == null && m.getTreatMissingHeaderAsEmpty()) {
            value = "";
        }
        if (value == null) {
            return presence && (m.getInvertMatch() ? wantsPresent : !wantsPresent);
        }
        boolean match = switch (m.getHeaderMatchSpecifierCase()) {
            case EXACT_MATCH -> m.getExactMatch().isEmpty() || value.equals(m.getExactMatch());
            case SAFE_REGEX_MATCH -> StringMatchers.regex(m.getSafeRegexMatch(), value);
            case RANGE_MATCH -> inRange(m, value);
            case PRESENT_MATCH, HEADERMATCHSPECIFIER_NOT_SET -> wantsPresent;
            case PREFIX_MATCH -> value.startsWith(m.getPrefixMatch());
            case SUFFIX_MATCH -> value.endsWith(m.getSuffixMatch());
            case CONTAINS_MATCH -> value.contains(m.getContainsMatch());
            case STRING_MATCH -> StringMatchers.matches(m.getStringMatch(), value);
        };
        return match != m.getInvertMatch();
    }

    private static boolean inRange(HeaderMatcher m, String value) {
        try {
            long v = Long.parseLong(value);
            return v >= m.getRangeMatch().getStart() && v < m.getRangeMatch().getEnd();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
