package io.meshfed.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import org.junit.jupiter.api.Test;

class StringMatchersTest {

    private static boolean m(StringMatcher.Builder b, String value) {
        return StringMatchers.matches(b.build(), value);
    }

    @Test
    void eachPatternWithAndWithoutIgnoreCase() {
        assertEquals(true, m(StringMatcher.newBuilder().setExact("GET"), "GET"));
        assertEquals(false, m(StringMatcher.newBuilder().setExact("GET"), "get"));
        assertEquals(true, m(StringMatcher.newBuilder().setExact("GET").setIgnoreCase(true), "get"));
        assertEquals(true, m(StringMatcher.newBuilder().setPrefix("spiffe://west/"), "spiffe://west/ns/a/sa/b"));
        assertEquals(false, m(StringMatcher.newBuilder().setPrefix("spiffe://west/"), "spiffe://westeros/ns/a"));
        assertEquals(true, m(StringMatcher.newBuilder().setSuffix("/sa/b").setIgnoreCase(true), "x/SA/B"));
        assertEquals(true, m(StringMatcher.newBuilder().setContains("/ns/a/"), "spiffe://west/ns/a/sa/b"));
        // safe_regex must match the whole value
        RegexMatcher sa = RegexMatcher.newBuilder().setRegex("spiffe://.+/ns/a/(.+/|)sa/b(/.+)?").build();
        assertEquals(true, m(StringMatcher.newBuilder().setSafeRegex(sa), "spiffe://west/ns/a/sa/b"));
        assertEquals(false, m(StringMatcher.newBuilder().setSafeRegex(sa), "spiffe://west/ns/a/sa/bb"));
        assertEquals(false, m(StringMatcher.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex("ns")), "/ns/"));
    }
}
