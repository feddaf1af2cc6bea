package io.meshfed.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects problems while a spec is checked, with the small checks every section shares. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();

    void add(String path, String message) {
        found.add(new Problem(path, message));
    }

    List<Problem> all() {
        return List.copyOf(found);
    }

    boolean required(String path, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(path, "required");
            return false;
        }
        return true;
    }

    /** A list entry left empty ({@code - } or {@code ~} in YAML): reported, and the caller skips it. */
    boolean present(String path, Object entry) {
        if (entry == null) {
            add(path, "empty entry: fill it in or remove it");
            return false;
        }
        return true;
    }

    void dnsLabel(String path, String value) {
        if (required(path, value) && !Syntax.dnsLabel(value)) {
            add(path, "'" + shown(value) + "' is not a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters)");
        }
    }

    void dnsSubdomain(String path, String value) {
        if (required(path, value) && !Syntax.dnsSubdomain(value)) {
            add(path, "'" + shown(value) + "' is not a DNS-1123 subdomain (dot-separated DNS-1123 labels, at most 253 characters)");
        }
    }

    void labelValue(String path, String value) {
        if (value != null && !Syntax.labelValue(value)) {
            add(path, "'" + shown(value) + "' is not a Kubernetes label value (at most 63 letters, digits, '-', '_' and '.', "
                    + "starting and ending with a letter or digit)");
        }
    }

    /** Pod labels or a label selector: every key and value in Kubernetes' syntax. */
    void labels(String path, Map<String, String> labels) {
        labels.forEach((key, value) -> {
            if (!Syntax.labelKey(key)) {
                add(path + "." + key, "'" + shown(key) + "' is not a Kubernetes label key (an optional DNS subdomain and '/', "
                        + "then at most 63 letters, digits, '-', '_' and '.')");
            } else if (required(path + "." + key, value)) {
                labelValue(path + "." + key, value);
            }
        });
    }

    void trustDomain(String path, String value) {
        if (required(path, value) && !Syntax.trustDomain(value)) {
            add(path, "'" + shown(value) + "' is not a SPIFFE trust domain (lowercase letters, digits, '.', '-' and '_', "
                    + "at most 255 characters)");
        }
    }

    void duration(String path, String value) {
        if (value != null && !Durations.wellFormed(value)) {
            add(path, "'" + shown(value) + "' is not a duration (use e.g. 500ms, 2s, 1m30s, 8760h)");
        } else if (value != null && Durations.parse(value).isEmpty()) {
            add(path, "'" + shown(value) + "' is longer than the longest duration, " + Durations.MAX_HOURS + "h (about 292 years)");
        }
    }

    void percent(String path, Double value) {
        if (value != null && !(value >= 0 && value <= 100)) {
            add(path, "must be between 0 and 100, was " + value);
        }
    }

    void port(String path, Integer value) {
        if (value != null && (value < 1 || value > 65535)) {
            add(path, "must be a port number between 1 and 65535, was " + value);
        }
    }

    void oneOf(String path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(path, "'" + shown(value) + "' is not one of " + String.join(", ", allowed));
        }
    }

    /** Every entry present and listed once: {@code what} names an entry in the message. */
    void distinct(String path, List<?> entries, String what) {
        Map<Object, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            if (!present(path + "[" + i + "]", entry)) {
                continue;
            }
            Integer first = seen.putIfAbsent(entry, i);
            if (first != null) {
                add(path + "[" + i + "]", "duplicate " + what + " '" + shown(String.valueOf(entry)) + "' (also " + path + "[" + first + "])");
            }
        }
    }

    /** A value as quoted in a message: long values are cut, so that a huge string gives a readable report. */
    static String shown(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…(" + value.length() + " characters)";
    }
}
