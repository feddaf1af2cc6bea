package io.meshfed.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.xds.core.v3.TypedExtensionConfig;
import com.github.xds.type.matcher.v3.IPMatcher;
import com.github.xds.type.matcher.v3.Matcher;
import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.matching.common_inputs.network.v3.DestinationIPInput;
import io.envoyproxy.envoy.extensions.matching.common_inputs.network.v3.DestinationPortInput;
import io.envoyproxy.envoy.extensions.matching.common_inputs.network.v3.FilterStateInput;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The unified matcher as Istio builds it for waypoints and east-west gateways (connect authority,
 * then request source, else destination IP and port; pilot/pkg/networking/core/listener_waypoint.go
 * buildWaypointInternal, Istio 1.30.3), evaluated by the documented rules of xds.type.matcher.v3.Matcher.
 */
class FilterChainMatchersTest {

    private static TypedExtensionConfig input(com.google.protobuf.Message m) {
        return TypedExtensionConfig.newBuilder().setName("in").setTypedConfig(Any.pack(m)).build();
    }

    private static Matcher.OnMatch chain(String name) {
        return Matcher.OnMatch.newBuilder().setAction(TypedExtensionConfig.newBuilder().setName(name)
                .setTypedConfig(Any.pack(StringValue.of(name)))).build();
    }

    private static Matcher.OnMatch nested(Matcher m) {
        return Matcher.OnMatch.newBuilder().setMatcher(m).build();
    }

    private static Matcher exact(com.google.protobuf.Message in, Map<String, Matcher.OnMatch> map, Matcher.OnMatch onNoMatch) {
        Matcher.Builder b = Matcher.newBuilder().setMatcherTree(Matcher.MatcherTree.newBuilder().setInput(input(in))
                .setExactMatchMap(Matcher.MatcherTree.MatchMap.newBuilder().putAllMap(map)));
        if (onNoMatch != null) {
            b.setOnNoMatch(onNoMatch);
        }
        return b.build();
    }

    private static IPMatcher.IPRangeMatcher range(String prefix, int length, Matcher.OnMatch onMatch, boolean exclusive) {
        return IPMatcher.IPRangeMatcher.newBuilder().addRanges(com.github.xds.core.v3.CidrRange.newBuilder().setAddressPrefix(prefix)
                .setPrefixLen(UInt32Value.of(length))).setOnMatch(onMatch).setExclusive(exclusive).build();
    }

    private static Listener listener(boolean exclusive) {
        Matcher byPort = exact(DestinationPortInput.getDefaultInstance(), Map.of("9080", chain("vip-9080")), null);
        Matcher byIp = Matcher.newBuilder().setMatcherTree(Matcher.MatcherTree.newBuilder().setInput(input(DestinationIPInput.getDefaultInstance()))
                .setCustomMatch(TypedExtensionConfig.newBuilder().setName("ip").setTypedConfig(Any.pack(IPMatcher.newBuilder()
                        .addRangeMatchers(range("10.0.0.0", 8, chain("pods"), false))
                        .addRangeMatchers(range("10.1.0.5", 32, nested(byPort), exclusive)).build())))).build();
        Matcher bySource = exact(FilterStateInput.newBuilder().setKey("io.istio.source").build(),
                Map.of("waypoint", chain("direct")), chain("to-waypoint"));
        Matcher root = exact(FilterStateInput.newBuilder().setKey("io.istio.connect_authority").build(),
                Map.of("svc.ns.svc.cluster.local:9080", nested(bySource)), nested(byIp));
        Listener.Builder l = Listener.newBuilder().setName("main_internal").setFilterChainMatcher(root);
        for (String name : new String[] {"vip-9080", "pods", "direct", "to-waypoint"}) {
            l.addFilterChains(FilterChain.newBuilder().setName(name));
        }
        return l.build();
    }

    private static Optional<String> select(Listener l, String ip, int port, Map<String, String> state) {
        return FilterChainMatchers.select(l, new FilterChainMatchers.Inputs(ip, port, null, state)).map(FilterChain::getName);
    }

    @Test
    void theAuthorityPicksTheServiceThenTheRequestSourceOrItsOnNoMatch() {
        Listener l = listener(true);
        assertEquals("direct", select(l, null, 9080, Map.of("io.istio.connect_authority", "svc.ns.svc.cluster.local:9080",
                "io.istio.source", "waypoint")).orElseThrow());
        assertEquals("to-waypoint", select(l, null, 9080, Map.of("io.istio.connect_authority", "svc.ns.svc.cluster.local:9080"))
                .orElseThrow(), "no x-istio-source: the tree's on_no_match");
    }

    @Test
    void anUnknownAuthorityFallsBackToTheIpTreeWithTheLongestPrefixFirst() {
        Listener l = listener(true);
        Map<String, String> authority = Map.of("io.istio.connect_authority", "10.1.0.5:9080");
        assertEquals("vip-9080", select(l, "10.1.0.5", 9080, authority).orElseThrow());
        assertEquals("pods", select(l, "10.2.0.7", 9080, authority).orElseThrow());
    }

    @Test
    void aNestedMatcherThatFailsFailsItsEntryAndExclusiveStopsShorterPrefixes() {
        assertTrue(select(listener(true), "10.1.0.5", 9090, Map.of()).isEmpty(), "exclusive /32: no fallback to 10/8");
        assertEquals("pods", select(listener(false), "10.1.0.5", 9090, Map.of()).orElseThrow(), "not exclusive: 10/8 next");
    }

    @Test
    void aDestinationThatIsNotAnIpMatchesNoIpRange() {
        assertTrue(select(listener(false), "svc.ns.svc.cluster.local", 9080, Map.of()).isEmpty());
    }
}
