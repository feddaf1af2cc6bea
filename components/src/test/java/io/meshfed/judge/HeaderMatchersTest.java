package io.meshfed.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import org.junit.jupiter.api.Test;

class HeaderMatchersTest {

    private static final HttpRequest WITH = HttpRequest.of("GET", "h", "/").withHeader("x-v", "v1");
    private static final HttpRequest WITHOUT = HttpRequest.of("GET", "h", "/");

    private static HeaderMatcher.Builder m() {
        return HeaderMatcher.newBuilder().setName("X-V");
    }

    private static String row(HeaderMatcher matcher) {
        return HeaderMatchers.matches(matcher, WITH) + "/" + HeaderMatchers.matches(matcher, WITHOUT);
    }

    @Test
    void presentOrMissingHeaderAgainstEachMatcherKind() {
        // with the header (value v1) / without it
        assertEquals("true/false", row(m().setStringMatch(Envoy.exact("v1")).build()));
        assertEquals("false/false", row(m().setStringMatch(Envoy.exact("v1")).setInvertMatch(true).build()));
        assertEquals("false/false", row(m().setStringMatch(Envoy.exact("v2")).build()));
        assertEquals("true/false", row(m().setStringMatch(Envoy.exact("v2")).setInvertMatch(true).build()));
        assertEquals("true/false", row(m().setSafeRegexMatch(RegexMatcher.newBuilder().setRegex("v[0-9]")).build()));
        assertEquals("false/false", row(m().setSafeRegexMatch(RegexMatcher.newBuilder().setRegex("v")).build()));
        assertEquals("true/false", row(m().setPresentMatch(true).build()));
        assertEquals("false/true", row(m().setPresentMatch(true).setInvertMatch(true).build()));
        assertEquals("false/true", row(m().setPresentMatch(false).build()));
        assertEquals("true/false", row(m().setPresentMatch(false).setInvertMatch(true).build()));
        assertEquals("true/false", row(m().setExactMatch("").build()));
        assertEquals("true/false", row(m().setPrefixMatch("v").build()));
        // x-w is in neither request: treated as "", which is not v2, so the inverted matcher matches
        assertEquals("true/true", row(m().setStringMatch(Envoy.exact("v2")).setInvertMatch(true)
                .setTreatMissingHeaderAsEmpty(true).setName("x-w").build()));
        assertEquals("false/false", row(m().setStringMatch(Envoy.exact("v2")).setInvertMatch(true).setName("x-w").build()));
    }
}
