package io.meshfed.judge;

import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Envoy's filter chain match (docs: "Filter chain match"): the criteria are applied in order
 * (destination port, destination IP, server name, transport protocol, application protocols,
 * direct source IP, source type, source IP, source port). At each step only the chains with the most
 * specific matching value stay; when none has a matching value, the chains that leave the criterion
 * empty stay. There is no backtracking: when nothing stays, the listener's
 * {@code default_filter_chain} takes the connection, or it is closed.
 */
public final class FilterChains {

    private FilterChains() {
    }

    public static Optional<FilterChain> select(Listener listener, Connection c) {
        List<FilterChain> candidates = new ArrayList<>(listener.getFilterChainsList());
        candidates = step(candidates, m -> m.hasDestinationPort(),
                m -> m.getDestinationPort().getValue() == c.destinationPort() ? 1 : -1);
        candidates = step(candidates, m -> m.getPrefixRangesCount() > 0, m -> bestPrefix(m.getPrefixRangesList(), c.destinationIp()));
        candidates = step(candidates, m -> m.getServerNamesCount() > 0, m -> serverNameScore(m.getServerNamesList(), c.sni()));
        candidates = step(candidates, m -> !m.getTransportProtocol().isEmpty(),
                m -> m.getTransportProtocol().equals(c.transportProtocol()) ? 1 : -1);
        candidates = step(candidates, m -> m.getApplicationProtocolsCount() > 0,
                m -> m.getApplicationProtocolsList().stream().anyMatch(c.applicationProtocols()::contains) ? 1 : -1);
        candidates = step(candidates, m -> m.getDirectSourcePrefixRangesCount() > 0,
                m -> bestPrefix(m.getDirectSourcePrefixRangesList(), c.sourceIp()));
        if (candidates.stream().anyMatch(f -> f.getFilterChainMatch().getSourceType() != FilterChainMatch.ConnectionSourceType.ANY)) {
            throw new UnsupportedOperationException("filter chain match on source_type is not modelled");
        }
        candidates = step(candidates, m -> m.getSourcePrefixRangesCount() > 0, m -> bestPrefix(m.getSourcePrefixRangesList(), c.sourceIp()));
        candidates = step(candidates, m -> m.getSourcePortsCount() > 0, m -> m.getSourcePortsList().contains(c.sourcePort()) ? 1 : -1);
        if (candidates.size() > 1) {
            throw new IllegalStateException("listener " + listener.getName() + " has " + candidates.size()
                    + " filter chains with the same match, which Envoy rejects");
        }
        if (candidates.isEmpty()) {
            return listener.hasDefaultFilterChain() ? Optional.of(listener.getDefaultFilterChain()) : Optional.empty();
        }
        return Optional.of(candidates.get(0));
    }

    /** Keeps the chains whose criterion scores highest (score ≥ 0), else the ones without the criterion. */
    private static List<FilterChain> step(List<FilterChain> chains, Predicate<FilterChainMatch> configured,
            Function<FilterChainMatch, Integer> score) {
        int best = -1;
        for (FilterChain f : chains) {
            if (configured.test(f.getFilterChainMatch())) {
                best = Math.max(best, score.apply(f.getFilterChainMatch()));
            }
        }
        List<FilterChain> kept = new ArrayList<>();
        for (FilterChain f : chains) {
            FilterChainMatch m = f.getFilterChainMatch();
            boolean keep = best >= 0 ? configured.test(m) && score.apply(m) == best : !configured.test(m);
            if (keep) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static int bestPrefix(List<CidrRange> ranges, String ip) {
        if (ip == null) {
            return -1;
        }
        return ranges.stream().filter(r -> Cidrs.contains(r, ip)).mapToInt(Cidrs::prefixLength).max().orElse(-1);
    }

    /** Exact names beat wildcards; a longer wildcard suffix beats a shorter one. */
    static int serverNameScore(List<String> names, String sni) {
        if (sni == null || sni.isEmpty()) {
            return -1;
        }
        String host = sni.toLowerCase(java.util.Locale.ROOT);
        if (names.contains(host)) {
            return Integer.MAX_VALUE;
        }
        int best = -1;
        for (String n : names) {
            if (n.startsWith("*.") && host.endsWith(n.substring(1)) && host.length() > n.length() - 1) {
                best = Math.max(best, n.length());
            }
        }
        return best;
    }
}
