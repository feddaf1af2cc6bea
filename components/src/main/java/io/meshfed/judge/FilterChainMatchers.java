package io.meshfed.judge;

import com.github.xds.core.v3.TypedExtensionConfig;
import com.github.xds.type.matcher.v3.IPMatcher;
import com.github.xds.type.matcher.v3.Matcher;
import com.google.protobuf.StringValue;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.matching.common_inputs.network.v3.ApplicationProtocolInput;
import io.envoyproxy.envoy.extensions.matching.common_inputs.network.v3.DestinationIPInput;
import io.envoyproxy.envoy.extensions.matching.common_inputs.network.v3.DestinationPortInput;
import io.envoyproxy.envoy.extensions.matching.common_inputs.network.v3.FilterStateInput;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A listener's {@code filter_chain_matcher} (Envoy's unified matcher API, xds.type.matcher.v3.Matcher;
 * when set, Envoy uses it instead of the chains' {@code filter_chain_match}): a matcher tree reads
 * one input, an exact (or prefix) map or an {@code IPMatcher} picks an {@code OnMatch}, which names a
 * filter chain or nests another matcher; when nothing matches, the most specific {@code on_no_match}
 * applies, and with none the listener's default chain. A nested matcher that does not match makes its
 * entry not match. The IPMatcher tries the longest prefix first and, unless {@code exclusive}, shorter
 * ones after it. An input that has no value (a filter state key never set, a destination that is not an
 * IP) matches nothing. Inputs modelled: destination IP and port, application protocol and string filter
 * state; matcher lists are not modelled.
 */
public final class FilterChainMatchers {

    private FilterChainMatchers() {
    }

    /** What a connection offers the matcher's inputs. */
    public record Inputs(String destinationIp, int destinationPort, String applicationProtocol, Map<String, String> filterState) {

        public Inputs {
            filterState = Map.copyOf(filterState);
        }
    }

    public static Optional<FilterChain> select(Listener listener, Inputs in) {
        if (!listener.hasFilterChainMatcher()) {
            throw new IllegalArgumentException("listener " + listener.getName() + " has no filter_chain_matcher");
        }
        Optional<String> name = evaluate(listener.getFilterChainMatcher(), in);
        if (name.isEmpty()) {
            return listener.hasDefaultFilterChain() ? Optional.of(listener.getDefaultFilterChain()) : Optional.empty();
        }
        return Optional.of(listener.getFilterChainsList().stream().filter(c -> c.getName().equals(name.get())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("listener " + listener.getName() + " matches filter chain " + name.get()
                        + ", which it does not have")));
    }

    static Optional<String> evaluate(Matcher m, Inputs in) {
        if (m.hasMatcherList()) {
            throw new UnsupportedOperationException("matcher lists are not modelled");
        }
        Optional<String> matched = m.hasMatcherTree() ? tree(m.getMatcherTree(), in) : Optional.empty();
        if (matched.isPresent() || !m.hasOnNoMatch()) {
            return matched;
        }
        return onMatch(m.getOnNoMatch(), in);
    }

    private static Optional<String> tree(Matcher.MatcherTree t, Inputs in) {
        Optional<String> value = input(t.getInput(), in);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (t.getTreeTypeCase()) {
            case EXACT_MATCH_MAP -> Optional.ofNullable(t.getExactMatchMap().getMapMap().get(value.get())).flatMap(o -> onMatch(o, in));
            case PREFIX_MATCH_MAP -> t.getPrefixMatchMap().getMapMap().entrySet().stream().filter(e -> value.get().startsWith(e.getKey()))
                    .max(Comparator.comparingInt(e -> e.getKey().length())).flatMap(e -> onMatch(e.getValue(), in));
            case CUSTOM_MATCH -> ip(t.getCustomMatch(), value.get(), in);
            default -> throw new UnsupportedOperationException("matcher tree " + t.getTreeTypeCase() + " is not modelled");
        };
    }

    private static Optional<String> ip(TypedExtensionConfig custom, String ip, Inputs in) {
        IPMatcher matcher = unpack(custom, IPMatcher.class);
        List<IPMatcher.IPRangeMatcher> matching = matcher.getRangeMatchersList().stream()
                .filter(r -> r.getRangesList().stream().anyMatch(c -> contains(c, ip)))
                .sorted(Comparator.comparingInt((IPMatcher.IPRangeMatcher r) -> r.getRangesList().stream()
                        .filter(c -> contains(c, ip)).mapToInt(c -> c.getPrefixLen().getValue()).max().orElse(0)).reversed())
                .toList();
        for (IPMatcher.IPRangeMatcher r : matching) {
            Optional<String> result = onMatch(r.getOnMatch(), in);
            if (result.isPresent() || r.getExclusive()) {
                return result;
            }
        }
        return Optional.empty();
    }

    private static boolean contains(com.github.xds.core.v3.CidrRange c, String ip) {
        return Cidrs.contains(CidrRange.newBuilder().setAddressPrefix(c.getAddressPrefix())
                .setPrefixLen(c.hasPrefixLen() ? c.getPrefixLen() : UInt32Value.of(ip.contains(":") ? 128 : 32)).build(), ip);
    }

    private static Optional<String> onMatch(Matcher.OnMatch o, Inputs in) {
        if (o.hasAction()) {
            return Optional.of(unpack(o.getAction(), StringValue.class).getValue());
        }
        if (o.hasMatcher()) {
            return evaluate(o.getMatcher(), in);
        }
        throw new IllegalArgumentException("OnMatch with neither an action nor a matcher");
    }

    private static Optional<String> input(TypedExtensionConfig input, Inputs in) {
        var any = input.getTypedConfig();
        if (any.is(FilterStateInput.class)) {
            return Optional.ofNullable(in.filterState().get(unpack(input, FilterStateInput.class).getKey()));
        }
        if (any.is(DestinationIPInput.class)) {
            return Optional.ofNullable(in.destinationIp()).filter(ip -> ip.matches("[0-9.]+|.*:.*"));
        }
        if (any.is(DestinationPortInput.class)) {
            return Optional.of(String.valueOf(in.destinationPort()));
        }
        if (any.is(ApplicationProtocolInput.class)) {
            return Optional.ofNullable(in.applicationProtocol()).map(p -> "'" + p + "'");
        }
        throw new UnsupportedOperationException("matcher input " + any.getTypeUrl() + " is not modelled");
    }

    private static <T extends com.google.protobuf.Message> T unpack(TypedExtensionConfig c, Class<T> type) {
        return EnvoyTypes.unpack(c.getTypedConfig(), type).orElseThrow(() -> new UnsupportedOperationException(
                "matcher extension " + c.getName() + " of type " + c.getTypedConfig().getTypeUrl() + " is not modelled"));
    }
}
