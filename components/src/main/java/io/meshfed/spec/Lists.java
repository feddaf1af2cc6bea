package io.meshfed.spec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Null-tolerant defaults for spec records: absent YAML lists and maps become empty, immutable ones. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> of(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <V> Map<String, V> of(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
