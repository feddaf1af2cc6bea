package io.meshfed.judge;

import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.List;

/**
 * The SAN check of a TLS validation context for a peer certificate whose only SAN is a URI (a
 * SPIFFE ID). Envoy accepts the peer when no matcher is configured, or when any matcher matches:
 * a legacy {@code match_subject_alt_names} entry is tried against every SAN, so against the URI; a
 * {@code match_typed_subject_alt_names} entry only when its {@code san_type} is URI.
 */
public record SanMatchers(List<StringMatcher> untyped, List<StringMatcher> uriTyped, int otherTyped) {

    public static final SanMatchers NONE = new SanMatchers(List.of(), List.of(), 0);

    public static SanMatchers of(CommonTlsContext common) {
        CertificateValidationContext v = common.hasCombinedValidationContext()
                ? common.getCombinedValidationContext().getDefaultValidationContext()
                : common.getValidationContext();
        List<SubjectAltNameMatcher> typed = v.getMatchTypedSubjectAltNamesList();
        return new SanMatchers(List.copyOf(v.getMatchSubjectAltNamesList()),
                typed.stream().filter(t -> t.getSanType() == SubjectAltNameMatcher.SanType.URI)
                        .map(SubjectAltNameMatcher::getMatcher).toList(),
                (int) typed.stream().filter(t -> t.getSanType() != SubjectAltNameMatcher.SanType.URI).count());
    }

    public boolean configured() {
        return !untyped.isEmpty() || !uriTyped.isEmpty() || otherTyped > 0;
    }

    /** Null when a peer with URI SAN {@code spiffeId} passes, else why not. */
    String accepts(String spiffeId, String peer) {
        if (!configured()) {
            return null;
        }
        if (spiffeId != null && (untyped.stream().anyMatch(m -> StringMatchers.matches(m, spiffeId))
                || uriTyped.stream().anyMatch(m -> StringMatchers.matches(m, spiffeId)))) {
            return null;
        }
        return peer + " certificate SAN " + spiffeId + " matches none of " + describe();
    }

    private String describe() {
        return java.util.stream.Stream.concat(untyped.stream(), uriTyped.stream())
                .map(SanMatchers::text).toList().toString();
    }

    static String text(StringMatcher m) {
        return switch (m.getMatchPatternCase()) {
            case EXACT -> m.getExact();
            case PREFIX -> m.getPrefix() + "*";
            case SUFFIX -> "*" + m.getSuffix();
            case CONTAINS -> "*" + m.getContains() + "*";
            case SAFE_REGEX -> "~" + m.getSafeRegex().getRegex();
            default -> m.toString();
        };
    }
}
