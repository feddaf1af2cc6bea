package io.meshfed.translate;

import java.util.LinkedHashMap;
import java.util.Map;

/** Helm values merging: user values win, nested maps merge key by key. */
final class Values {

    private Values() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
                merged.put(key, deepMerge((Map<String, Object>) a, (Map<String, Object>) b));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
