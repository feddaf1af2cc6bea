package io.meshfed.judge;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.type.matcher.v3.DoubleMatcher;
import io.envoyproxy.envoy.type.matcher.v3.MetadataMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ValueMatcher;
import java.util.Map;

/**
 * Envoy's {@code MetadataMatcher}: the value at {@code path} under {@code filter} in the dynamic
 * metadata (absent when any step is missing), tested by a {@code ValueMatcher}, XOR {@code invert}.
 */
public final class MetadataMatchers {

    private MetadataMatchers() {
    }

    public static boolean matches(MetadataMatcher m, Map<String, Struct> metadata) {
        Value v = lookup(m, metadata);
        return value(m.getValue(), v) != m.getInvert();
    }

    private static Value lookup(MetadataMatcher m, Map<String, Struct> metadata) {
        Struct s = metadata.get(m.getFilter());
        Value v = null;
        for (MetadataMatcher.PathSegment seg : m.getPathList()) {
            if (s == null) {
                return Value.getDefaultInstance();
            }
            v = s.getFieldsMap().get(seg.getKey());
            if (v == null) {
                return Value.getDefaultInstance();
            }
            s = v.hasStructValue() ? v.getStructValue() : null;
        }
        return v == null ? Value.getDefaultInstance() : v;
    }

    static boolean value(ValueMatcher m, Value v) {
        return switch (m.getMatchPatternCase()) {
            case NULL_MATCH -> v.getKindCase() == Value.KindCase.NULL_VALUE;
            case DOUBLE_MATCH -> v.getKindCase() == Value.KindCase.NUMBER_VALUE && number(m.getDoubleMatch(), v.getNumberValue());
            case STRING_MATCH -> v.getKindCase() == Value.KindCase.STRING_VALUE
                    && StringMatchers.matches(m.getStringMatch(), v.getStringValue());
            case BOOL_MATCH -> v.getKindCase() == Value.KindCase.BOOL_VALUE && v.getBoolValue() == m.getBoolMatch();
            case PRESENT_MATCH -> m.getPresentMatch() && v.getKindCase() != Value.KindCase.KIND_NOT_SET;
            case LIST_MATCH -> v.getKindCase() == Value.KindCase.LIST_VALUE
                    && v.getListValue().getValuesList().stream().anyMatch(e -> value(m.getListMatch().getOneOf(), e));
            case OR_MATCH -> m.getOrMatch().getValueMatchersList().stream().anyMatch(o -> value(o, v));
            case MATCHPATTERN_NOT_SET -> throw new IllegalArgumentException("value matcher without a pattern");
        };
    }

    private static boolean number(DoubleMatcher d, double n) {
        return d.hasRange() ? n >= d.getRange().getStart() && n < d.getRange().getEnd() : n == d.getExact();
    }
}
