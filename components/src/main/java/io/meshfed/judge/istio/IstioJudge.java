package io.meshfed.judge.istio;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.meshfed.judge.ClusterShare;
import io.meshfed.judge.Connection;
import io.meshfed.judge.DownstreamTls;
import io.meshfed.judge.EndpointShare;
import io.meshfed.judge.FilterChains;
import io.meshfed.judge.HttpConnectionManagers;
import io.meshfed.judge.HttpRequest;
import io.meshfed.judge.HttpRouting;
import io.meshfed.judge.Listeners;
import io.meshfed.judge.LoadBalancing;
import io.meshfed.judge.MtlsMode;
import io.meshfed.judge.ProxyConfig;
import io.meshfed.judge.Rbac;
import io.meshfed.judge.RbacDecision;
import io.meshfed.judge.RbacRequest;
import io.meshfed.judge.RouteDecision;
import io.meshfed.judge.UpstreamTls;
import io.meshfed.translate.MeshPlan;
import io.meshfed.verify.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers questions about a deployed mesh from the Envoy configuration Istio's own control plane
 * generated for every proxy (one istiod per cluster, see {@link IstioOracle}), by Envoy's
 * semantics: a request leaves the client's sidecar through its outbound listener and route, is
 * split over weighted clusters, balanced over EDS endpoints (priorities, ejections), sent with the
 * cluster's upstream TLS to a pod's inbound listener or to an east-west gateway, whose SNI filter
 * chain passes it on to that cluster's pods; the serving sidecar's inbound chain checks the client
 * certificate's SAN and its RBAC filters decide. Nothing here reads an Istio object.
 */
public final class IstioJudge {

    private static final int MAX_DEPTH = 6;

    private final MeshPlan plan;
    private final Map<String, IstioOracle.ClusterResult> results;
    private final Map<String, SamplePod> podsByIp = new HashMap<>();
    private final Map<String, SamplePod> gatewaysByAddress = new HashMap<>();
    private final Map<SamplePod, ProxyConfig> configs = new HashMap<>();
    private final Set<String> unhealthy = new HashSet<>();
    private boolean explore;

    public IstioJudge(MeshPlan plan, Map<String, IstioOracle.ClusterResult> results) {
        this.plan = plan;
        this.results = Map.copyOf(results);
        for (IstioOracle.ClusterResult r : results.values()) {
            for (SamplePod pod : r.sample().pods()) {
                podsByIp.put(pod.ip(), pod);
                if (pod.gateway()) {
                    gatewaysByAddress.put(pod.ip(), pod);
                    String address = plan.spec().requireCluster(r.sample().cluster()).eastWestGateway().address();
                    if (address != null) {
                        gatewaysByAddress.put(address, pod);
                    }
                }
            }
        }
    }

    public static IstioJudge of(MeshPlan plan) {
        return new IstioJudge(plan, IstioOracle.fromEnvironment().judge(plan));
    }

    public MeshPlan plan() {
        return plan;
    }

    public Map<String, IstioOracle.ClusterResult> results() {
        return results;
    }

    /** Every pod of the service there answers 5xx from now on. */
    public void markUnhealthy(String cluster, String namespace, String service) {
        pods(cluster, namespace, service).forEach(p -> unhealthy.add(p.ip()));
    }

    public SamplePod pod(Workload w) {
        return pods(w.cluster(), w.namespace(), w.service()).stream()
                .filter(p -> java.util.Objects.equals(p.workload().version(), w.version())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pod of " + w.describe() + " in the judged mesh"));
    }

    private List<SamplePod> pods(String cluster, String namespace, String service) {
        IstioOracle.ClusterResult r = results.get(cluster);
        if (r == null) {
            throw new IllegalArgumentException("no cluster \"" + cluster + "\" in the judged mesh; it has " + results.keySet());
        }
        List<SamplePod> found = r.sample().pods().stream().filter(p -> !p.gateway() && p.namespace().equals(namespace)
                && p.workload().service().equals(service)).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no workload \"" + service + "\" in " + cluster + "/" + namespace);
        }
        return found;
    }

    public ProxyConfig config(SamplePod pod) {
        return configs.computeIfAbsent(pod, p -> {
            try {
                return ProxyConfig.read(results.get(clusterOf(p)).dump(p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the config dump of " + p.namespace() + "/" + p.name(), e);
            }
        });
    }

    private String clusterOf(SamplePod pod) {
        return results.values().stream().filter(r -> r.sample().pods().contains(pod)).findFirst()
                .map(r -> r.sample().cluster()).orElseThrow();
    }

    /** The mTLS mode the workload's inbound listener enforces on its service's first port. */
    public MtlsMode mtlsMode(Workload w) {
        return MtlsMode.of(Listeners.virtualInbound(config(pod(w))), port(w.service(), w.namespace()));
    }

    /** Where requests from the source to {@code host} (as a client names it, already a full name) go. */
    public List<Leg> request(Workload source, String host, HttpRequest request) {
        SamplePod client = pod(source);
        int port = port(host);
        return outbound(client, host, port, request.withHeader(":authority", host), 0);
    }

    /**
     * Every way a request from the source to {@code host} can go through every endpoint its proxies
     * know, whether or not the load balancer sends traffic there now (a failover priority, an
     * ejected host): for the questions "can a reach b", not "where does traffic go".
     */
    public synchronized List<Leg> paths(Workload source, String host, HttpRequest request) {
        explore = true;
        try {
            return request(source, host, request);
        } finally {
            explore = false;
        }
    }

    public int port(String fqdn) {
        return ClientPorts.of(plan.spec(), fqdn);
    }

    private int port(String service, String namespace) {
        return ClientPorts.of(plan.spec(), service, namespace);
    }

    private List<Leg> outbound(SamplePod client, String host, int port, HttpRequest request, int depth) {
        ProxyConfig config = config(client);
        String ip = addressOf(config, client, host, port);
        RouteDecision d = HttpRouting.outbound(config, ip, port, request);
        String at = "sidecar " + describe(client) + " -> " + host + ":" + port;
        switch (d.kind()) {
            case NO_ROUTE:
                return List.of(Leg.failed(404, "no route for " + host + " at " + at, List.of(at)));
            case DIRECT_RESPONSE:
            case REDIRECT:
                return List.of(Leg.failed(d.status(), "direct response " + d.status() + " at " + at, List.of(at)));
            case NO_FILTER_CHAIN:
                return List.of(Leg.failed(503, "no filter chain at " + at, List.of(at)));
            default:
                break;
        }
        List<Leg> legs = new ArrayList<>();
        long total = d.clusters().stream().mapToLong(ClusterShare::weight).sum();
        for (ClusterShare cs : d.clusters()) {
            double fraction = total == 0 ? 1.0 / d.clusters().size() : (double) cs.weight() / total;
            for (Leg leg : viaCluster(client, config, cs.cluster(), request, null, depth)) {
                legs.add(withRoute(leg.scaled(fraction).via(at + " route " + d.routeName() + " -> " + cs.cluster()), d));
            }
        }
        return legs;
    }

    /** Fault delays add to the latency; a route timeout below it turns the request into a 504. */
    private static Leg withRoute(Leg leg, RouteDecision d) {
        Duration delay = leg.delay();
        if (d.fault() != null && d.fault().delay() != null && d.fault().delayPercent() >= 100.0) {
            delay = delay.plus(d.fault().delay());
        }
        if (d.fault() != null && d.fault().abortHttpStatus() > 0 && d.fault().abortPercent() >= 100.0) {
            return new Leg(leg.share(), null, d.fault().abortHttpStatus(), "fault abort on route " + d.routeName(), false, delay, leg.hops());
        }
        if (d.timeout() != null && !d.timeout().isZero() && delay.compareTo(d.timeout()) > 0) {
            return new Leg(leg.share(), null, 504, "upstream request timeout after " + d.timeout().toMillis() + "ms on route "
                    + d.routeName(), leg.mtls(), d.timeout(), leg.hops());
        }
        return new Leg(leg.share(), leg.servedBy(), leg.status(), leg.reason(), leg.mtls(), delay, leg.hops());
    }

    /**
     * Balances over the Envoy cluster's endpoints. With outlier detection configured, endpoints all
     * of whose requests fail are ejected (at most max_ejection_percent of the hosts, default 10, and
     * always one, as Envoy's outlier detector does) before the shares are computed.
     *
     * @param passthrough the TLS of the original client when a gateway passes its connection on
     */
    private List<Leg> viaCluster(SamplePod from, ProxyConfig config, String cluster, HttpRequest request, Tls passthrough,
            int depth) {
        if (depth > MAX_DEPTH) {
            return List.of(Leg.failed(508, "request loops between proxies", List.of()));
        }
        var envoyCluster = config.clusters().get(cluster);
        if (envoyCluster == null) {
            return List.of(Leg.failed(503, "cluster not found: " + describe(from) + " has no cluster " + cluster, List.of()));
        }
        if (envoyCluster.getType() == io.envoyproxy.envoy.config.cluster.v3.Cluster.DiscoveryType.ORIGINAL_DST) {
            return List.of(Leg.failed(503, "no mesh route: " + describe(from) + " passes the request to its original destination ("
                    + cluster + "), which the host name does not resolve to inside the mesh", List.of()));
        }
        List<EndpointShare> all = LoadBalancing.shares(config, cluster, Set.of());
        if (all.isEmpty()) {
            return List.of(Leg.failed(503, "no healthy upstream: " + cluster + " has no endpoints at " + describe(from), List.of()));
        }
        Map<String, List<Leg>> perHost = new LinkedHashMap<>();
        for (EndpointShare e : all) {
            perHost.computeIfAbsent(e.address(), a -> toHost(from, config, cluster, e, request, passthrough, depth));
        }
        Set<String> ejected = ejections(config, cluster, perHost);
        List<EndpointShare> shares = explore ? everyEndpoint(config, cluster)
                : ejected.isEmpty() ? all : LoadBalancing.shares(config, cluster, ejected);
        List<Leg> legs = new ArrayList<>();
        for (EndpointShare e : shares) {
            if (e.share() == 0) {
                continue;
            }
            List<Leg> outcome = e.healthy() ? perHost.computeIfAbsent(e.address(), a -> toHost(from, config, cluster, e, request, passthrough, depth))
                    : List.of(Leg.failed(503, "upstream connect error: " + e.address() + " is ejected", List.of()));
            for (Leg leg : outcome) {
                legs.add(leg.scaled(e.share()));
            }
        }
        return legs;
    }

    /** Every endpoint of the cluster's load assignment, whatever its priority, with equal shares. */
    private static List<EndpointShare> everyEndpoint(ProxyConfig config, String cluster) {
        var c = config.clusters().get(cluster);
        String service = c.hasEdsClusterConfig() && !c.getEdsClusterConfig().getServiceName().isEmpty()
                ? c.getEdsClusterConfig().getServiceName() : cluster;
        var cla = c.hasLoadAssignment() ? java.util.Optional.of(c.getLoadAssignment()) : config.loadAssignment(service);
        List<EndpointShare> out = new ArrayList<>();
        cla.ifPresent(a -> a.getEndpointsList().forEach(locality -> locality.getLbEndpointsList().forEach(e -> {
            var socket = e.getEndpoint().getAddress().getSocketAddress();
            out.add(new EndpointShare(socket.getAddress() + ":" + socket.getPortValue(), e.getMetadata(),
                    locality.getLocality().getRegion() + "/" + locality.getLocality().getZone(), locality.getPriority(), 0, true));
        })));
        return out.stream().map(e -> new EndpointShare(e.address(), e.metadata(), e.locality(), e.priority(), 1.0 / out.size(), true)).toList();
    }

    private static Set<String> ejections(ProxyConfig config, String cluster, Map<String, List<Leg>> perHost) {
        var c = config.clusters().get(cluster);
        if (c == null || !c.hasOutlierDetection()) {
            return Set.of();
        }
        int maxPercent = c.getOutlierDetection().hasMaxEjectionPercent() ? c.getOutlierDetection().getMaxEjectionPercent().getValue() : 10;
        int hosts = perHost.size();
        Set<String> ejected = new HashSet<>();
        for (Map.Entry<String, List<Leg>> h : perHost.entrySet()) {
            boolean failing = h.getValue().stream().noneMatch(Leg::ok) && h.getValue().stream().anyMatch(l -> l.status() >= 500);
            boolean allowed = ejected.isEmpty() || ejected.size() * 100 / hosts < maxPercent;
            if (failing && allowed) {
                ejected.add(h.getKey());
            }
        }
        return ejected;
    }

    private List<Leg> toHost(SamplePod from, ProxyConfig config, String cluster, EndpointShare e, HttpRequest request, Tls passthrough,
            int depth) {
        String ip = e.address().substring(0, e.address().lastIndexOf(':'));
        int port = Integer.parseInt(e.address().substring(e.address().lastIndexOf(':') + 1));
        Tls tls = passthrough;
        if (tls == null) {
            UpstreamTls up = UpstreamTls.of(config, cluster, e.metadata());
            tls = up.tls() ? new Tls(from, up) : null;
        }
        String hop = describe(from) + " -> " + e.address() + (tls == null ? " (plaintext)" : " (TLS, SNI " + tls.upstream().sni() + ")");
        SamplePod target = gatewaysByAddress.get(ip);
        if (target != null && target != from) {
            return throughGateway(target, ip, port, tls, request, depth).stream().map(l -> l.via(hop)).toList();
        }
        target = podsByIp.get(ip);
        if (target == null) {
            return List.of(Leg.failed(503, "upstream connect error: nothing listens at " + e.address(), List.of(hop)));
        }
        return inbound(target, port, tls, request).stream().map(l -> l.via(hop)).toList();
    }

    /** An east-west gateway: its listener's filter chain for the SNI passes the connection to a cluster of its own. */
    private List<Leg> throughGateway(SamplePod gateway, String ip, int port, Tls tls, HttpRequest request, int depth) {
        ProxyConfig config = config(gateway);
        String at = "gateway " + describe(gateway) + ":" + port;
        var listener = Listeners.at(config, ip, port);
        if (listener.isEmpty()) {
            return List.of(Leg.failed(503, "connection refused: " + at + " has no listener", List.of(at)));
        }
        Connection c = tls == null ? Connection.plaintextHttp(ip, port) : Connection.tls(ip, port, tls.upstream().sni(), tls.upstream().alpn());
        RouteDecision d = HttpRouting.route(config, listener.get(), c, request);
        if (d.kind() != RouteDecision.Kind.TCP_PROXY || d.clusters().isEmpty()) {
            return List.of(Leg.failed(503, "connection reset: " + at + " has no filter chain passing "
                    + (tls == null ? "plaintext" : "SNI " + tls.upstream().sni()) + " through (" + d.kind() + ")", List.of(at)));
        }
        List<Leg> legs = new ArrayList<>();
        for (ClusterShare cs : d.clusters()) {
            for (Leg leg : viaCluster(gateway, config, cs.cluster(), request, tls, depth + 1)) {
                legs.add(leg.scaled((double) cs.weight() / Math.max(1, cs.total())).via(at + " -> " + cs.cluster()));
            }
        }
        return legs;
    }

    /** A sidecar's inbound listener: filter chain by port and transport, client certificate SAN check, RBAC. */
    private List<Leg> inbound(SamplePod server, int port, Tls tls, HttpRequest request) {
        ProxyConfig config = config(server);
        String at = "inbound " + describe(server) + ":" + port;
        Listener listener = Listeners.virtualInbound(config);
        Connection c = tls == null ? Connection.plaintextHttp(server.ip(), port)
                : Connection.tls(server.ip(), port, tls.upstream().sni(), tls.upstream().alpn());
        var chain = FilterChains.select(listener, c);
        if (chain.isEmpty()) {
            return List.of(Leg.failed(503, "connection reset: " + at + " has no filter chain for "
                    + (tls == null ? "plaintext" : "TLS") + " (mTLS mode there: " + MtlsMode.of(listener, port) + ")", List.of(at)));
        }
        String peer = null;
        if (tls != null) {
            if (DownstreamTls.plaintext(chain.get())) {
                return List.of(Leg.failed(503, "TLS sent to a plaintext filter chain at " + at, List.of(at)));
            }
            peer = tls.client().workload() == null ? null : tls.client().workload().spiffeId();
            String serverId = server.workload().spiffeId();
            String serverProblem = DownstreamTls.of(chain.get()).map(t -> t.accepts(tls.client().workload().spiffeId())).orElse(null);
            if (serverProblem != null) {
                return List.of(Leg.failed(503, "TLS handshake refused by " + at + ": " + serverProblem, List.of(at)));
            }
            String clientProblem = tls.upstream().acceptsServer(serverId);
            if (clientProblem != null) {
                return List.of(Leg.failed(503, "TLS handshake refused by the client " + describe(tls.client()) + ": " + clientProblem,
                        List.of(at)));
            }
        }
        HttpConnectionManager hcm = HttpConnectionManagers.of(chain.get()).orElse(null);
        if (hcm != null) {
            RbacDecision rbac = Rbac.evaluate(hcm, RbacRequest.of(request, peer, port));
            if (!rbac.allowed()) {
                return List.of(new Leg(1.0, server, 403, "RBAC: access denied by " + server.workload().describe() + ": " + rbac.reason(),
                        tls != null, Duration.ZERO, List.of(at)));
            }
            if (unhealthy.contains(server.ip())) {
                return List.of(new Leg(1.0, null, 503, "upstream answered 503 (" + server.workload().describe() + " is unhealthy)",
                        tls != null, Duration.ZERO, List.of(at)));
            }
            return List.of(new Leg(1.0, server, 200, rbac.reason(), tls != null, Duration.ZERO, List.of(at)));
        }
        return List.of(new Leg(1.0, unhealthy.contains(server.ip()) ? null : server, unhealthy.contains(server.ip()) ? 503 : 200,
                "TCP", tls != null, Duration.ZERO, List.of(at)));
    }

    /**
     * Authorization alone: the destination's inbound filter chain for its service port, as an mTLS
     * connection from the source would select it, and that chain's RBAC filters.
     */
    public Leg authorize(Workload source, Workload destination, String method, String path) {
        SamplePod server = pod(destination);
        int port = port(destination.service(), destination.namespace());
        HttpRequest request = HttpRequest.of(method, destination.service(), path);
        SamplePod client = pod(source);
        UpstreamTls mtls = new UpstreamTls("tlsMode-istio", true, false, "outbound_." + port + "_._." + destination.service(),
                List.of("istio-peer-exchange", "istio"), io.meshfed.judge.SanMatchers.NONE, List.of(), null);
        return inbound(server, port, new Tls(client, mtls), request).get(0);
    }

    /**
     * The address a client's DNS lookup gives for the host: a Kubernetes service's ClusterIP from the
     * cluster's inventory, else the IP Istio lists among the virtual host's domains (a ServiceEntry
     * VIP), else none (the port's wildcard listener decides).
     */
    private String addressOf(ProxyConfig config, SamplePod client, String host, int port) {
        for (RouteConfiguration rc : config.routeConfigs().values()) {
            for (VirtualHost vh : rc.getVirtualHostsList()) {
                if (vh.getDomainsList().contains(host) || vh.getDomainsList().contains(host + ":" + port)) {
                    for (String domain : vh.getDomainsList()) {
                        String bare = domain.endsWith(":" + port) ? domain.substring(0, domain.length() - (":" + port).length()) : domain;
                        if (bare.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
                            return bare;
                        }
                    }
                }
            }
        }
        return "0.0.0.0";
    }

    private String describe(SamplePod pod) {
        return pod.gateway() ? "east-west gateway of " + clusterOf(pod) : pod.workload().describe();
    }

    /** The TLS session a client sidecar opened: who it is and what it checks. */
    record Tls(SamplePod client, UpstreamTls upstream) {
    }

}
