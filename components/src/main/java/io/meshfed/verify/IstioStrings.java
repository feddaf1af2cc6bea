package io.meshfed.verify;

import java.util.List;

/** Istio's string matching in AuthorizationPolicy fields: exact, {@code prefix*}, {@code *suffix} or {@code *}. */
final class IstioStrings {

    private IstioStrings() {
    }

    static boolean matches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        if (pattern.equals("*")) {
            return !value.isEmpty();
        }
        if (pattern.endsWith("*")) {
            return value.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        if (pattern.startsWith("*")) {
            return value.endsWith(pattern.substring(1));
        }
        return pattern.equals(value);
    }

    /** A positive field: unset matches anything; set, one pattern must match. */
    static boolean any(List<String> patterns, String value) {
        return patterns == null || patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, value));
    }

    /** A negative field: unset matches anything; set, no pattern may match. */
    static boolean none(List<String> patterns, String value) {
        return patterns == null || patterns.isEmpty() || patterns.stream().noneMatch(p -> matches(p, value));
    }
}
