package io.meshfed.judge.ambient;

import io.meshfed.judge.HttpRequest;
import io.meshfed.judge.istio.SamplePod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source pod's ztunnel sending a connection to a service, as istio/ztunnel 1.30.3 builds the
 * request (src/proxy/outbound.rs {@code build_request}, src/state.rs {@code load_balance}):
 * <ul>
 * <li>a service with a waypoint goes to the waypoint (HBONE, the original VIP:port as authority), or
 * through the waypoint's network gateway when it is on another network;</li>
 * <li>otherwise one endpoint is chosen among the workloads that serve the service's port and can be
 * reached (an address, or a network gateway on another network), after the service's load
 * balancing preferences ({@link ZLoadBalancing}), weighted by capacity; none: "no healthy upstream";</li>
 * <li>an endpoint on another network is reached by double HBONE through its network gateway: the
 * outer tunnel is verified against the gateway's identity, the inner one — with the service's host
 * name and port as authority — against the service's SANs ({@code build_request_through_gateway});</li>
 * <li>a local endpoint gets HBONE to its ztunnel (verified against its identity and the service's
 * SANs), or plaintext TCP when it is not in the mesh.</li>
 * </ul>
 */
final class ZtunnelOutbound {

    private final AmbientMesh mesh;
    private final EnvoyHops envoy;
    private final ZtunnelInbound inbound;

    ZtunnelOutbound(AmbientMesh mesh, EnvoyHops envoy, ZtunnelInbound inbound) {
        this.mesh = mesh;
        this.envoy = envoy;
        this.inbound = inbound;
    }

    List<AmbientLeg> toService(AmbientCluster c, SamplePod client, ZService service, int port, HttpRequest http) {
        ZWorkload src = c.workload(client).orElseThrow(() -> new IllegalArgumentException(
                "ztunnel of " + c.name() + " knows no workload at " + client.ip() + " (" + c.describe(client) + ")"));
        String at = "ztunnel of " + c.describe(client) + " -> " + service.hostname() + ":" + port;
        String vip = service.vip(src.network()).orElse(null);
        if (service.port(port).isEmpty()) {
            return List.of(AmbientLeg.failed(503, "no healthy upstream: " + service.hostname() + " has no port " + port, at));
        }
        if (service.waypoint() != null) {
            return viaWaypoint(c, client, src, service, vip, port, http, at);
        }
        List<ZWorkload> endpoints = service.choosable(src, c.view().endpoints(service).stream()
                .filter(w -> reachable(src, w, service, port)).toList());
        if (endpoints.isEmpty()) {
            return List.of(AmbientLeg.failed(503, "no healthy upstream: ztunnel of " + c.describe(client) + " has no endpoint for "
                    + service.hostname() + ":" + port + " (its view lists " + c.view().endpoints(service).size() + " workloads of it)", at));
        }
        double total = endpoints.stream().mapToInt(ZWorkload::capacity).sum();
        List<AmbientLeg> legs = new ArrayList<>();
        for (ZWorkload ep : endpoints) {
            double share = ep.capacity() / total;
            List<AmbientLeg> outcome = ep.network().equals(src.network())
                    ? toWorkload(c, client, src, ep, service, port)
                    : throughGateway(c, src, ep, service, port, service.subjectAltNames(), http);
            outcome.forEach(l -> legs.add(l.scaled(share).via(at)));
        }
        return legs;
    }

    /** load_balance's filter: serves the port, and has an address or (on another network) a network gateway. */
    private static boolean reachable(ZWorkload src, ZWorkload w, ZService service, int port) {
        boolean address = !w.addresses().isEmpty() || w.hostname() != null;
        boolean viaGateway = !w.network().equals(src.network()) && w.networkGateway() != null;
        return (address || viaGateway) && w.targetPort(service, port).isPresent();
    }

    private List<AmbientLeg> viaWaypoint(AmbientCluster c, SamplePod client, ZWorkload src, ZService service, String vip, int port,
            HttpRequest http, String at) {
        ZGateway gw = service.waypoint();
        Optional<ZService> wpService = gw.byHostname() ? c.view().serviceByHostname(gw.namespace(), gw.hostname())
                : c.view().serviceByAddress(gw.network(), gw.ip());
        if (wpService.isPresent() && wpService.get().port(gw.hbonePort()).isEmpty()) {
            return List.of(AmbientLeg.failed(503, "the waypoint service " + wpService.get().hostname() + " has no port " + gw.hbonePort(), at));
        }
        List<ZWorkload> waypoints = wpService.map(s -> s.choosable(src, c.view().endpoints(s)))
                .orElseGet(() -> c.view().workloadByAddress(gw.network(), String.valueOf(gw.ip())).stream().toList());
        if (waypoints.isEmpty()) {
            return List.of(AmbientLeg.failed(503, "the waypoint " + gw.describe() + " of " + service.hostname()
                    + " has no workload in ztunnel's view", at));
        }
        double total = waypoints.stream().mapToInt(ZWorkload::capacity).sum();
        List<AmbientLeg> legs = new ArrayList<>();
        for (ZWorkload wp : waypoints) {
            double share = wp.capacity() / total;
            String hop = at + " -> waypoint " + gw.describe();
            if (!wp.network().equals(src.network())) {
                List<String> sans = wpService.map(ZService::subjectAltNames).orElse(List.of());
                throughGateway(c, src, wp, service, port, sans, http).forEach(l -> legs.add(l.scaled(share).via(hop)));
                continue;
            }
            Optional<SamplePod> pod = wp.addresses().stream().map(c::podByIp).flatMap(Optional::stream).findFirst();
            if (pod.isEmpty() || pod.get().proxy() != SamplePod.ProxyKind.WAYPOINT) {
                legs.add(AmbientLeg.failed(503, "no waypoint proxy runs at " + wp.addresses(), hop).scaled(share));
                continue;
            }
            String problem = verified(c, pod.get(), wpService.map(ZService::subjectAltNames).orElse(List.of()), wp);
            if (problem != null) {
                legs.add(AmbientLeg.failed(503, problem, hop).scaled(share));
                continue;
            }
            TlsHop tls = new TlsHop(src.identity(), c.name(), c.certificateIdentity(pod.get()), c.name());
            envoy.waypoint(c, pod.get(), vip + ":" + port, src.identity(), client.ip(), http, Map.of())
                    .forEach(l -> legs.add(l.over(tls).scaled(share).via(hop)));
        }
        return legs;
    }

    private List<AmbientLeg> toWorkload(AmbientCluster c, SamplePod client, ZWorkload src, ZWorkload ep, ZService service, int port) {
        int target = ep.targetPort(service, port).orElseThrow();
        Optional<SamplePod> pod = ep.addresses().stream().map(c::podByIp).flatMap(Optional::stream).findFirst();
        String hop = "-> " + ep.describe() + ":" + target;
        if (pod.isEmpty()) {
            return List.of(AmbientLeg.failed(503, "upstream connect error: nothing at " + ep.addresses(), hop));
        }
        if (!ep.hbone()) {
            return inbound.accept(c, pod.get(), target, null, client.ip()).stream().map(l -> l.plaintext().via(hop)).toList();
        }
        String problem = verified(c, pod.get(), service.subjectAltNames(), ep);
        if (problem != null) {
            return List.of(AmbientLeg.failed(503, problem, hop));
        }
        TlsHop tls = new TlsHop(src.identity(), c.name(), c.certificateIdentity(pod.get()), c.name());
        return inbound.accept(c, pod.get(), target, src.identity(), client.ip()).stream().map(l -> l.over(tls).via(hop)).toList();
    }

    /** Null when the pod's certificate carries an identity the client accepts: the service's SANs or the workload's own. */
    private static String verified(AmbientCluster c, SamplePod pod, List<String> serviceSans, ZWorkload expected) {
        String actual = c.certificateIdentity(pod);
        if (actual.equals(expected.identity()) || serviceSans.contains(actual)) {
            return null;
        }
        return "TLS handshake refused by the client's ztunnel: " + c.describe(pod) + " presents " + actual + ", it expects "
                + expected.identity() + (serviceSans.isEmpty() ? "" : " or one of " + serviceSans);
    }

    /** Double HBONE through the upstream's network gateway. */
    private List<AmbientLeg> throughGateway(AmbientCluster c, ZWorkload src, ZWorkload upstream, ZService service, int port,
            List<String> finalSans, HttpRequest http) {
        ZGateway gw = upstream.networkGateway();
        String hop = "-> network gateway of " + upstream.network();
        if (gw == null) {
            return List.of(AmbientLeg.failed(503, "no valid destination: " + upstream.describe() + " is on network " + upstream.network()
                    + " and has no network gateway", hop));
        }
        Optional<ZWorkload> gateway = gw.byHostname() ? c.view().workloadByHostname(gw.hostname())
                : c.view().workloadByAddress(gw.network(), gw.ip());
        if (gateway.isEmpty()) {
            return List.of(AmbientLeg.failed(503, "unknown network gateway: " + gw.describe() + " is not in ztunnel's view", hop));
        }
        String address = gw.byHostname() ? gw.hostname() : gw.ip();
        Optional<AmbientMesh.Landing> landing = mesh.at(address);
        if (landing.isEmpty()) {
            return List.of(AmbientLeg.failed(503, "upstream connect error: no east-west gateway answers at " + address + ":" + gw.hbonePort(), hop));
        }
        AmbientCluster remote = landing.get().cluster();
        String actual = remote.certificateIdentity(landing.get().pod());
        if (!actual.equals(gateway.get().identity())) {
            return List.of(AmbientLeg.failed(503, "TLS handshake refused by the client's ztunnel: the gateway at " + address + " presents "
                    + actual + ", it expects " + gateway.get().identity(), hop));
        }
        TlsHop tls = new TlsHop(src.identity(), c.name(), actual, remote.name());
        return envoy.eastWest(remote, landing.get().pod(), service.hostname() + ":" + port, src.identity(), c.name(), finalSans, http,
                Map.of()).stream().map(l -> l.over(tls).via(hop + " at " + address)).toList();
    }
}
