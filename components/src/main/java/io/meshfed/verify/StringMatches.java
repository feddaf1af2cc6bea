package io.meshfed.verify;

import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;

/** VirtualService StringMatch: exact, prefix or RE2 regex (full match; Java regex is close enough here). */
final class StringMatches {

    private StringMatches() {
    }

    static boolean matches(StringMatch match, String value) {
        if (value == null) {
            return false;
        }
        Object type = match.getMatchType();
        if (type instanceof StringMatchExact e) {
            return e.getExact().equals(value);
        }
        if (type instanceof StringMatchPrefix p) {
            return value.startsWith(p.getPrefix());
        }
        if (type instanceof StringMatchRegex r) {
            return value.matches(r.getRegex());
        }
        return true;
    }
}
