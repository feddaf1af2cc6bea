package io.meshfed.stack;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Protobuf inputs to plain Java values; Pulumi's secret envelope becomes {@link Registered.Secret}. */
final class Structs {

    private static final String SIG = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

    private Structs() {
    }

    static Map<String, Object> toMap(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> {
            Object value = toJava(v);
            if (value != null) {
                map.put(k, value);
            }
        });
        return map;
    }

    static Object toJava(Value v) {
        switch (v.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case NUMBER_VALUE:
                return v.getNumberValue();
            case STRING_VALUE:
                return v.getStringValue();
            case BOOL_VALUE:
                return v.getBoolValue();
            case LIST_VALUE:
                List<Object> list = new ArrayList<>();
                v.getListValue().getValuesList().forEach(e -> list.add(toJava(e)));
                return list;
            case STRUCT_VALUE:
                Struct s = v.getStructValue();
                Value sig = s.getFieldsMap().get(SIG);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    return new Registered.Secret(toJava(s.getFieldsMap().get("value")));
                }
                return toMap(s);
            default:
                throw new IllegalArgumentException("unexpected value " + v);
        }
    }

    /** The same value with secrets unwrapped, numbers as doubles and nulls dropped (JSON semantics). */
    @SuppressWarnings("unchecked")
    static Object plain(Object o) {
        if (o instanceof Registered.Secret s) {
            return plain(s.value());
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> {
                if (v != null) {
                    out.put(k, plain(v));
                }
            });
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(Structs::plain).toList();
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        return o;
    }
}
