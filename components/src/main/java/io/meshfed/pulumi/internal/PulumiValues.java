package io.meshfed.pulumi.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-shaped values (as fabric8 serialises them) in the types Pulumi's Java serialiser accepts:
 * it rejects {@code Long}, so integral numbers become {@code Integer} (or {@code Double} beyond int
 * range, which is what the wire format carries anyway).
 */
public final class PulumiValues {

    private PulumiValues() {
    }

    public static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof java.math.BigInteger) {
            long l = ((Number) value).longValue();
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) (double) l;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            return mapOf(map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(of(e)));
            return out;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    public static Map<String, Object> mapOf(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put((String) k, of(v)));
        return out;
    }
}
