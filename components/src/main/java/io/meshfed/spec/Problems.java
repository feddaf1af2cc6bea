package io.meshfed.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects problems while a spec is checked, with the small checks every section shares. */
final class Problems {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
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

    void dnsLabel(String path, String value) {
        if (required(path, value) && (value.length() > 63 || !DNS_LABEL.matcher(value).matches())) {
            add(path, "'" + value + "' is not a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters)");
        }
    }

    void duration(String path, String value) {
        if (value != null && Durations.parse(value).isEmpty()) {
            add(path, "'" + value + "' is not a duration (use e.g. 500ms, 2s, 1m30s, 8760h)");
        }
    }

    void percent(String path, Double value) {
        if (value != null && (value < 0 || value > 100)) {
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
            add(path, "'" + value + "' is not one of " + String.join(", ", allowed));
        }
    }
}
