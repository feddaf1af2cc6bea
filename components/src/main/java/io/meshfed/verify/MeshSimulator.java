package io.meshfed.verify;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.WorkloadEntry;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.Namespace;
import io.meshfed.translate.MeshPlan;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The simulated mesh: rendered objects, the workload inventory and health marks. */
public final class MeshSimulator {

    private final MeshPlan plan;
    private final Inventory inventory;
    private final Health health = new Health();

    public MeshSimulator(MeshPlan plan) {
        this.plan = plan;
        this.inventory = Inventory.of(plan.spec());
    }

    public MeshPlan plan() {
        return plan;
    }

    public Inventory inventory() {
        return inventory;
    }

    public Health health() {
        return health;
    }

    public Workload workload(String service, String cluster, String namespace) {
        return inventory.service(cluster, namespace, service).get(0);
    }

    public AccessDecision access(Workload source, Workload destination, String method, String path) {
        var cluster = plan.cluster(destination.cluster());
        int port = plan.spec().backings(destination.service(), destination.namespace()).get(0).ports().get(0).number();
        return new AuthorizationEvaluator(cluster.ofType(AuthorizationPolicy.class), cluster.ofType(Namespace.class))
                .evaluate(destination, new AccessRequest(source.principal(), source.namespace(),
                        destination.service() + "." + destination.namespace() + ".svc.cluster.local", method, path, port, null));
    }

    /**
     * Null when a sidecar (ambient: the ztunnel) of the source can open mTLS to the destination,
     * else why not. Decided from the rendered objects: the destination's PeerAuthentication, the
     * source's DestinationRule TLS mode (sidecar mode), an endpoint of the destination that the
     * source's cluster knows (a local pod, or a WorkloadEntry at an east-west gateway the
     * destination cluster renders), and a real TLS 1.3 handshake between certificates issued from
     * each cluster's cacerts, the server validating the trust domains its istiod renders.
     */
    public String mtlsProblem(Workload source, Workload destination) {
        String mode = peerAuthenticationMode(destination);
        if (mode.equals("DISABLE")) {
            return "PeerAuthentication of " + destination.describe() + " is DISABLE: plaintext only";
        }
        boolean local = source.cluster().equals(destination.cluster());
        String host = local ? destination.service() + "." + destination.namespace() + ".svc.cluster.local" : globalHostOf(destination);
        Endpoints endpoints = new Endpoints(plan, inventory, health);
        // Ambient: ztunnel expects the identity istiod gives the endpoint in the workload API — its
        // service account in the local trust domain (pilot/pkg/serviceregistry/ambient/workloads.go,
        // Istio 1.30.3: TrustDomain pickTrustDomain(meshCfg), ServiceAccount from the pod or
        // WorkloadEntry); a DestinationRule's TLS settings have no field there.
        Optional<DestinationRule> dr = plan.spec().ambient() ? Optional.empty() : endpoints.destinationRule(source, host);
        ClientTLSSettings tls = dr.map(DestinationRule::getSpec).map(s -> s.getTrafficPolicy()).map(p -> p.getTls()).orElse(null);
        String drName = dr.map(d -> "DestinationRule " + d.getMetadata().getNamespace() + "/" + d.getMetadata().getName()).orElse("");
        if (tls != null && tls.getMode() == ClientTLSSettingsTLSmode.DISABLE) {
            return drName + " sets tls DISABLE: " + source.describe() + " sends plaintext"
                    + (mode.equals("STRICT") ? ", which the STRICT " + destination.describe() + " refuses" : "");
        }
        if (tls != null && (tls.getMode() == ClientTLSSettingsTLSmode.SIMPLE || tls.getMode() == ClientTLSSettingsTLSmode.MUTUAL)) {
            return drName + " sets tls " + tls.getMode() + ": not Istio mTLS with workload certificates";
        }
        Set<String> expected = new LinkedHashSet<>();
        if (local) {
            boolean selected = endpoints.of(source, host).stream().anyMatch(e -> e.cluster().equals(destination.cluster())
                    && Inventory.selects(destination.labels(), e.labels()));
            if (!selected) {
                return "no endpoint of " + host + " in " + source.cluster() + " selects " + destination.describe();
            }
            expected.add(destination.spiffeId());
        } else {
            String problem = remoteEndpointProblem(source, destination, host, endpoints, expected);
            if (problem != null) {
                return problem;
            }
        }
        if (tls != null && tls.getSubjectAltNames() != null && !tls.getSubjectAltNames().isEmpty()) {
            expected = new LinkedHashSet<>(tls.getSubjectAltNames());
        }
        return new WorkloadMtls(plan).handshakeProblem(source, destination, expected);
    }

    /**
     * Null when the source's cluster has an endpoint for the destination: a WorkloadEntry at the
     * destination cluster's gateway address whose labels select the destination's pods, at a port where the destination cluster renders
     * an east-west gateway that passes the host through. Adds the identity the source's sidecar
     * expects for that endpoint: its service account in the source cluster's trust domain.
     */
    private String remoteEndpointProblem(Workload source, Workload destination, String host, Endpoints endpoints, Set<String> expected) {
        boolean viaService = plan.spec().ambient() && host.endsWith(".svc.cluster.local");
        if (viaService && !endpoints.global(source.cluster(), host)) {
            return "no global Service " + host + " (istio.io/global) is rendered in " + source.cluster() + ", so ztunnel there gets no "
                    + "endpoint of another network for it";
        }
        if (!viaService && endpoints.serviceEntry(source, host).isEmpty()) {
            return "no ServiceEntry for " + host + " is visible to " + source.describe() + ", so " + destination.describe()
                    + " has no endpoint there";
        }
        List<WorkloadEntry> candidates = viaService ? endpoints.serviceWorkloadEntries(source.cluster(), host)
                : endpoints.workloadEntries(source, host);
        List<WorkloadEntry> entries = candidates.stream()
                .filter(we -> destination.cluster().equals(endpoints.clusterOfGateway(we.getSpec().getAddress()))
                        && Inventory.selects(Endpoints.podSelector(we.getSpec().getLabels()), destination.labels()))
                .toList();
        if (entries.isEmpty()) {
            return "no WorkloadEntry of " + host + " in " + source.cluster() + " at the east-west gateway of " + destination.cluster()
                    + " selects " + destination.describe()
                    + " (cluster " + destination.cluster() + (destination.version() == null ? "" : ", version " + destination.version()) + ")"
                    + (viaService ? " behind a global Service of " + destination.cluster() : "");
        }
        String lastProblem = null;
        for (WorkloadEntry we : entries) {
            String problem = EastWestGateways.problem(plan, source.cluster(), destination.cluster(), we, host);
            if (problem == null) {
                String sa = we.getSpec().getServiceAccount() == null ? "default" : we.getSpec().getServiceAccount();
                expected.add("spiffe://" + source.trustDomain() + "/ns/" + destination.namespace() + "/sa/" + sa);
                return null;
            }
            lastProblem = "WorkloadEntry " + we.getMetadata().getNamespace() + "/" + we.getMetadata().getName() + " of " + host
                    + " in " + source.cluster() + ": " + problem;
        }
        return lastProblem;
    }

    /** The PeerAuthentication mode of the workload's default port. */
    public String peerAuthenticationMode(Workload w) {
        return peerAuthenticationMode(w, null);
    }

    /**
     * Istio's precedence: a workload-selector policy in the workload's namespace (its port-level
     * mode for {@code port}, when given), then the namespace-wide policy, then the mesh-wide one in
     * the root namespace, else PERMISSIVE; an UNSET mode inherits from the next level.
     */
    public String peerAuthenticationMode(Workload w, Integer port) {
        List<PeerAuthentication> all = plan.cluster(w.cluster()).ofType(PeerAuthentication.class);
        for (PeerAuthentication pa : all) {
            if (pa.getMetadata().getNamespace().equals(w.namespace()) && hasSelector(pa)
                    && Inventory.selects(pa.getSpec().getSelector().getMatchLabels(), w.labels())) {
                if (port != null && pa.getSpec().getPortLevelMtls() != null) {
                    var portMode = pa.getSpec().getPortLevelMtls().get(String.valueOf(port));
                    if (portMode != null && set(portMode.getMode())) {
                        return portMode.getMode().name();
                    }
                }
                if (pa.getSpec().getMtls() != null && set(pa.getSpec().getMtls().getMode())) {
                    return pa.getSpec().getMtls().getMode().name();
                }
            }
        }
        for (String ns : new String[] {w.namespace(), AuthorizationEvaluator.ROOT_NAMESPACE}) {
            for (PeerAuthentication pa : all) {
                if (pa.getMetadata().getNamespace().equals(ns) && !hasSelector(pa)
                        && pa.getSpec().getMtls() != null && set(pa.getSpec().getMtls().getMode())) {
                    return pa.getSpec().getMtls().getMode().name();
                }
            }
        }
        return "PERMISSIVE";
    }

    private static boolean hasSelector(PeerAuthentication pa) {
        return pa.getSpec().getSelector() != null && pa.getSpec().getSelector().getMatchLabels() != null
                && !pa.getSpec().getSelector().getMatchLabels().isEmpty();
    }

    private static boolean set(Enum<?> mode) {
        return mode != null && !mode.name().equals("UNSET");
    }

    private String globalHostOf(Workload destination) {
        String suffix = plan.spec().globalHostSuffix();
        return destination.service() + "." + destination.namespace() + "." + suffix;
    }

    public RouteResult route(Workload source, String target, Request request) {
        return new Router(plan, inventory, health).route(source, resolve(source, target), request);
    }

    /** A bare service name dials {@code name.<client ns>}, or the one namespace that declares it. */
    public String resolve(Workload source, String target) {
        if (target.contains(".")) {
            return Hosts.fqdn(target, source.namespace());
        }
        List<String> namespaces = inventory.namespacesOf(target);
        String ns = namespaces.contains(source.namespace()) || namespaces.size() != 1 ? source.namespace() : namespaces.get(0);
        return Hosts.fqdn(target, ns);
    }

    /**
     * One request through a chain of hops (source → hosts[0] → hosts[1] …), each hop served by its
     * main (cluster, version): the destination's authorization decides first (403), delays add up
     * from the far end, and a hop whose latency exceeds its route timeout answers 504 after the
     * timeout. A sidecar applies a route's faults on the client before the server's RBAC sees the
     * request; an ambient waypoint runs its RBAC filter before the fault filter and the router
     * (pilot/pkg/networking/core/listener_waypoint.go buildWaypointHTTPFilters, Istio 1.30.3).
     */
    public CallOutcome call(Workload source, List<String> hops, Request request) {
        if (hops.isEmpty()) {
            return new CallOutcome(200, Duration.ZERO, "served by " + source.describe());
        }
        RouteResult route = route(source, hops.get(0), request);
        Share main = route.shares().stream().max(java.util.Comparator.comparingDouble(Share::percent)).orElseThrow();
        if (!main.ok()) {
            return new CallOutcome(Integer.parseInt(main.outcome().substring(0, 3)), Duration.ZERO, route.describe());
        }
        boolean ambient = plan.spec().ambient();
        Duration delay = route.delay() != null && route.delayPercent() >= 100 ? route.delay() : Duration.ZERO;
        boolean aborts = route.abortStatus() != null && route.abortPercent() >= 100;
        if (aborts && !ambient) {
            return new CallOutcome(route.abortStatus(), Duration.ZERO, "fault abort on " + route.describe());
        }
        String service = route.host().split("\\.")[0];
        String ns = Endpoints.namespaceOf(route.host());
        Workload next = inventory.service(main.cluster(), ns, service).stream()
                .filter(w -> java.util.Objects.equals(w.version(), main.version())).findFirst().orElseThrow();
        AccessDecision access = access(source, next, "GET", request.path());
        if (!access.allowed()) {
            return new CallOutcome(403, ambient ? Duration.ZERO : delay, "RBAC: " + access.reason() + " at " + next.describe()
                    + " (" + route.describe() + ")");
        }
        if (aborts) {
            return new CallOutcome(route.abortStatus(), Duration.ZERO, "fault abort on " + route.describe());
        }
        CallOutcome downstream = call(next, hops.subList(1, hops.size()), request);
        Duration latency = delay.plus(downstream.latency());
        if (route.timeout() != null && latency.compareTo(route.timeout()) > 0) {
            return new CallOutcome(504, route.timeout(), "timeout " + route.timeout().toMillis() + "ms on " + route.describe()
                    + " < latency " + latency.toMillis() + "ms (" + downstream.explanation() + ")");
        }
        return new CallOutcome(downstream.status(), latency, route.describe() + " -> " + downstream.explanation());
    }

    public record CallOutcome(int status, Duration latency, String explanation) {
    }
}
