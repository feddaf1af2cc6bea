package io.meshfed.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Null-tolerant defaults for spec records: absent YAML lists and maps become empty, immutable ones.
 * An empty entry ({@code - } or {@code ~}) is kept, so that the validator reports it at its index.
 */
final class Lists {
    private Lists() {
    }

    static <T> List<T> of(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <V> Map<String, V> of(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
