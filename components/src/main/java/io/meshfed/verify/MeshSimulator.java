package io.meshfed.verify;

import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.Namespace;
import io.meshfed.translate.MeshPlan;
import java.time.Duration;
import java.util.List;

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

    /** Null when a sidecar of the source can open mTLS to the destination, else why not. */
    public String mtlsProblem(Workload source, Workload destination) {
        String trust = new TrustCheck(plan).sharedRootProblem(source.cluster(), destination.cluster());
        if (trust != null) {
            return trust;
        }
        String mode = peerAuthenticationMode(destination);
        if (mode.equals("DISABLE")) {
            return "PeerAuthentication of " + destination.describe() + " is DISABLE: plaintext only";
        }
        if (!source.cluster().equals(destination.cluster())) {
            boolean federated = new Router(plan, inventory, health).route(source, globalHostOf(destination), Request.get())
                    .clustersServing().contains(destination.cluster());
            if (!federated) {
                return "no endpoint of " + destination.describe() + " is reachable from " + source.cluster() + " (no federated host reaches it)";
            }
        }
        return null;
    }

    public String peerAuthenticationMode(Workload w) {
        List<PeerAuthentication> all = plan.cluster(w.cluster()).ofType(PeerAuthentication.class);
        for (boolean workloadScoped : new boolean[] {true, false}) {
            for (PeerAuthentication pa : all) {
                var spec = pa.getSpec();
                boolean hasSelector = spec.getSelector() != null && spec.getSelector().getMatchLabels() != null;
                if (pa.getMetadata().getNamespace().equals(w.namespace()) && hasSelector == workloadScoped
                        && (!hasSelector || Inventory.selects(spec.getSelector().getMatchLabels(), w.labels()))
                        && spec.getMtls() != null && spec.getMtls().getMode() != null && !spec.getMtls().getMode().name().equals("UNSET")) {
                    return spec.getMtls().getMode().name();
                }
            }
        }
        return all.stream().filter(p -> p.getMetadata().getNamespace().equals(AuthorizationEvaluator.ROOT_NAMESPACE) && p.getSpec().getSelector() == null)
                .map(p -> p.getSpec().getMtls().getMode().name()).findFirst().orElse("PERMISSIVE");
    }

    private String globalHostOf(Workload destination) {
        String suffix = plan.spec().federation().effectiveSuffix(plan.spec().ambient());
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
     * main (cluster, version): delays add up from the far end, and a hop whose latency exceeds its
     * route timeout answers 504 after the timeout.
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
        if (route.abortStatus() != null && route.abortPercent() >= 100) {
            return new CallOutcome(route.abortStatus(), Duration.ZERO, "fault abort on " + route.describe());
        }
        String service = route.host().split("\\.")[0];
        String ns = Endpoints.namespaceOf(route.host());
        Workload next = inventory.service(main.cluster(), ns, service).stream()
                .filter(w -> java.util.Objects.equals(w.version(), main.version())).findFirst().orElseThrow();
        CallOutcome downstream = call(next, hops.subList(1, hops.size()), request);
        Duration delay = route.delay() != null && route.delayPercent() >= 100 ? route.delay() : Duration.ZERO;
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
