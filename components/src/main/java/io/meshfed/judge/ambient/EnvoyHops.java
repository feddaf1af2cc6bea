package io.meshfed.judge.ambient;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.meshfed.judge.ClusterShare;
import io.meshfed.judge.EndpointShare;
import io.meshfed.judge.FilterChainMatchers;
import io.meshfed.judge.HttpConnectionManagers;
import io.meshfed.judge.HttpRequest;
import io.meshfed.judge.HttpRouting;
import io.meshfed.judge.LoadBalancing;
import io.meshfed.judge.ProxyConfig;
import io.meshfed.judge.Rbac;
import io.meshfed.judge.RbacDecision;
import io.meshfed.judge.RbacRequest;
import io.meshfed.judge.RouteDecision;
import io.meshfed.judge.TcpRouting;
import io.meshfed.judge.istio.SamplePod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Envoys of an ambient mesh, by their generated config: a waypoint terminates HBONE, picks the
 * service's chain in {@code main_internal}, runs its HTTP filters (RBAC) and route (faults, timeout),
 * and opens HBONE to the chosen pod's ztunnel ({@code connect_originate}); an east-west gateway
 * terminates the outer HBONE of a double-HBONE connection and forwards the inner one, still
 * encrypted end to end, to the pod or waypoint its chain names ({@code forward_inner_connect};
 * pilot/pkg/networking/core/listener_waypoint.go buildWaypointInternal, Istio 1.30.3).
 */
final class EnvoyHops {

    private final ZtunnelInbound inbound;

    EnvoyHops(ZtunnelInbound inbound) {
        this.inbound = inbound;
    }

    /** A request reaching a waypoint over HBONE from a client with {@code clientIdentity}. */
    List<AmbientLeg> waypoint(AmbientCluster c, SamplePod wp, String authority, String clientIdentity, String clientIp, HttpRequest http,
            Map<String, String> connectHeaders) {
        String at = c.describe(wp);
        ProxyConfig config = c.config(wp);
        HboneTermination.Result r = HboneTermination.terminate(config, wp.ip(), clientIdentity, authority, connectHeaders);
        if (r.problem() != null) {
            return List.of(AmbientLeg.failed(503, r.problem() + " (" + at + ")", at));
        }
        Optional<FilterChain> chain = FilterChainMatchers.select(r.internal(), inputs(authority, "http/1.1", r.filterState()));
        if (chain.isEmpty()) {
            return List.of(AmbientLeg.failed(503, "connection reset: " + at + " has no filter chain for " + authority, at));
        }
        String hop = at + " chain " + chain.get().getName();
        Optional<HttpConnectionManager> hcm = HttpConnectionManagers.of(chain.get());
        String identity = c.certificateIdentity(wp);
        if (hcm.isEmpty()) {
            return forward(c, wp, config, TcpRouting.of(chain.get()), identity).stream().map(l -> l.via(hop)).toList();
        }
        RbacDecision rbac = Rbac.evaluate(hcm.get(), RbacRequest.of(http, clientIdentity, port(authority))
                .withAddresses(host(authority), clientIp, clientIp));
        if (!rbac.allowed()) {
            return List.of(AmbientLeg.failed(403, "RBAC: access denied by " + at + ": " + WaypointPolicies.describe(hcm.get(), rbac), hop));
        }
        RouteDecision d = HttpRouting.route(config, hcm.get(), http);
        switch (d.kind()) {
            case NO_ROUTE:
                return List.of(AmbientLeg.failed(404, "no route at " + hop, hop));
            case DIRECT_RESPONSE:
            case REDIRECT:
                return List.of(AmbientLeg.failed(d.status(), "direct response " + d.status() + " at " + hop, hop));
            default:
                break;
        }
        String routed = hop + " route " + d.routeName();
        return forward(c, wp, config, d, identity).stream().map(l -> RouteEffects.apply(l, d).via(routed)).toList();
    }

    /** A double-HBONE connection reaching an east-west gateway; {@code finalSans} are the identities the client accepts at the end. */
    List<AmbientLeg> eastWest(AmbientCluster c, SamplePod gw, String authority, String clientIdentity, String clientCluster,
            List<String> finalSans, HttpRequest http, Map<String, String> connectHeaders) {
        String at = c.describe(gw);
        ProxyConfig config = c.config(gw);
        HboneTermination.Result r = HboneTermination.terminate(config, gw.ip(), clientIdentity, authority, connectHeaders);
        if (r.problem() != null) {
            return List.of(AmbientLeg.failed(503, r.problem() + " (" + at + ")", at));
        }
        Optional<FilterChain> chain = FilterChainMatchers.select(r.internal(), inputs(authority, null, r.filterState()));
        if (chain.isEmpty()) {
            return List.of(AmbientLeg.failed(503, "connection reset: " + at + " has no filter chain for " + authority, at));
        }
        String hop = at + " chain " + chain.get().getName();
        List<AmbientLeg> legs = new ArrayList<>();
        RouteDecision d = TcpRouting.of(chain.get());
        for (ClusterShare cs : d.clusters()) {
            for (EndpointShare e : LoadBalancing.shares(config, cs.cluster(), Set.of())) {
                if (e.share() == 0) {
                    continue;
                }
                InternalUpstream up = InternalUpstream.of(config, e);
                for (AmbientLeg leg : inner(c, gw, up, authority, clientIdentity, clientCluster, finalSans, http, connectHeaders)) {
                    legs.add(leg.scaled(e.share() * cs.weight() / Math.max(1, cs.total())).via(hop));
                }
            }
        }
        return legs.isEmpty() ? List.of(AmbientLeg.failed(503, "no healthy upstream at " + hop, hop)) : legs;
    }

    /** The inner HBONE, forwarded by the gateway: the client's ztunnel verifies the far end against {@code finalSans}. */
    private List<AmbientLeg> inner(AmbientCluster c, SamplePod gw, InternalUpstream up, String authority, String clientIdentity,
            String clientCluster, List<String> finalSans, HttpRequest http, Map<String, String> connectHeaders) {
        Optional<SamplePod> target = c.podByIp(up.ip());
        if (target.isEmpty()) {
            return List.of(AmbientLeg.failed(503, "upstream connect error: nothing at " + up.ip() + ":" + up.connectPort(), c.describe(gw)));
        }
        String identity = c.certificateIdentity(target.get());
        String at = c.describe(gw) + " -> " + c.describe(target.get());
        if (!finalSans.contains(identity)) {
            return List.of(AmbientLeg.failed(503, "inner TLS handshake refused by the client's ztunnel: " + c.describe(target.get())
                    + " presents " + identity + ", it accepts " + finalSans, at));
        }
        TlsHop tls = new TlsHop(clientIdentity, clientCluster, identity, c.name());
        if (target.get().proxy() == SamplePod.ProxyKind.WAYPOINT) {
            return waypoint(c, target.get(), authority, clientIdentity, gw.ip(), http, connectHeaders).stream()
                    .map(l -> l.over(tls).via(at)).toList();
        }
        return inbound.accept(c, target.get(), up.port(), clientIdentity, gw.ip()).stream().map(l -> l.over(tls).via(at)).toList();
    }

    /** The route's clusters, balanced over their endpoints, each reached over HBONE from the proxy. */
    private List<AmbientLeg> forward(AmbientCluster c, SamplePod proxy, ProxyConfig config, RouteDecision d, String identity) {
        long total = d.clusters().stream().mapToLong(ClusterShare::weight).sum();
        List<AmbientLeg> legs = new ArrayList<>();
        for (ClusterShare cs : d.clusters()) {
            double fraction = total == 0 ? 1.0 / d.clusters().size() : (double) cs.weight() / total;
            List<EndpointShare> shares = LoadBalancing.shares(config, cs.cluster(), Set.of());
            if (shares.isEmpty()) {
                legs.add(AmbientLeg.failed(503, "no healthy upstream: " + cs.cluster() + " has no endpoints at " + c.describe(proxy),
                        c.describe(proxy)).scaled(fraction));
            }
            for (EndpointShare e : shares) {
                if (e.share() > 0) {
                    upstream(c, proxy, config, e, identity).forEach(l -> legs.add(l.scaled(fraction * e.share())));
                }
            }
        }
        return legs;
    }

    private List<AmbientLeg> upstream(AmbientCluster c, SamplePod proxy, ProxyConfig config, EndpointShare e, String identity) {
        InternalUpstream up = InternalUpstream.of(config, e);
        String at = c.describe(proxy) + " -> " + up.ip() + ":" + up.port();
        Optional<SamplePod> target = c.podByIp(up.ip());
        if (target.isEmpty()) {
            return List.of(AmbientLeg.failed(503, "upstream connect error: nothing at " + up.ip(), at));
        }
        if (!up.tls().tls()) {
            return inbound.accept(c, target.get(), up.port(), null, proxy.ip()).stream().map(l -> l.plaintext().via(at)).toList();
        }
        String serverIdentity = c.certificateIdentity(target.get());
        String refused = up.tls().acceptsServer(serverIdentity);
        if (refused != null) {
            return List.of(AmbientLeg.failed(503, "TLS handshake refused by " + c.describe(proxy) + ": " + refused, at));
        }
        TlsHop tls = new TlsHop(identity, c.name(), serverIdentity, c.name());
        return inbound.accept(c, target.get(), up.port(), identity, proxy.ip()).stream().map(l -> l.over(tls).via(at)).toList();
    }

    /** The inputs of {@code main_internal}'s matcher: the original destination restored from the CONNECT authority. */
    private static FilterChainMatchers.Inputs inputs(String authority, String applicationProtocol, Map<String, String> state) {
        return new FilterChainMatchers.Inputs(host(authority), port(authority), applicationProtocol, state);
    }

    static String host(String authority) {
        return authority.substring(0, authority.lastIndexOf(':'));
    }

    static int port(String authority) {
        return Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
    }
}
