package io.meshfed.scenarios.real;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshfed.scenarios.Backend;
import io.meshfed.scenarios.CallAnswer;
import io.meshfed.scenarios.ChainAnswer;
import io.meshfed.scenarios.SplitAnswer;
import io.meshfed.scenarios.WorkloadRef;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.Translator;
import io.meshfed.verify.MeshSimulator;
import io.meshfed.verify.Request;
import io.meshfed.verify.SimulatedTrust;
import io.meshfed.verify.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.opentest4j.TestAbortedException;

/**
 * A backend on real clusters (k3s, kind or existing ones): the session provisions or adopts the
 * clusters and runs the stack; this class deploys the sample workloads, waits until the mesh is
 * ready and answers the step library's questions with traffic sent from pods. Workload lookup and
 * host resolution use the spec's inventory (no rendered-object evaluation).
 */
public final class RealBackend implements Backend {

    static final Duration READY = Duration.ofMinutes(Long.getLong("meshfed.real.readyMinutes", 10));
    /** Requests discarded per source after a workload turned unhealthy, until a batch sees no 5xx (outlier detection is per proxy). */
    static final int SETTLE_BATCH = 10;
    static final int SETTLE_MAX = 100;
    private final String name;
    private final RealSession session;
    private final ClusterClients clients = new ClusterClients();
    private Map<String, ClusterAccess> clusters = Map.of();
    private MeshSpec spec;
    private MeshSimulator inventory;
    private boolean ejectionPending;
    private final java.util.Set<String> settledSources = new java.util.HashSet<>();

    public RealBackend(String name, RealSession session) {
        this.name = name;
        this.session = session;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deploy(MeshSpec spec, boolean separateRoots) {
        if (spec.ambient() && name.equals("k3s")) {
            // k3s keeps CNI config and binaries under /var/lib/rancher/k3s; istio-cni needs global.platform=k3s
            // (or cni.cniConfDir/cniBinDir), which the translation does not render: ambient pods would never be captured
            throw new TestAbortedException("backend k3s: ambient needs istio-cni values for k3s (global.platform=k3s) that meshfed does not render; use kind");
        }
        if (separateRoots) {
            throw new TestAbortedException("backend " + name + ": the stack program deploys one root per mesh; separate roots per cluster are simulated only");
        }
        this.spec = spec;
        this.inventory = new MeshSimulator(Translator.translate(spec, SimulatedTrust.shared(spec)));
        try {
            clusters = session.clusters(spec.clusters().stream().map(c -> c.name()).toList());
            String seed = System.getenv().getOrDefault("MESHFED_TRUST_SEED", java.util.Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(("meshfed-acceptance/" + spec.name()).getBytes())));
            session.deploy(spec.name().replaceAll("[^A-Za-z0-9_.-]", "-"), StackConfig.meshJson(spec, clusters), seed);
            for (ClusterAccess access : clusters.values()) {
                // one field manager for samples and their unhealthy variant: re-applying the healthy
                // objects removes the error injection a previous scenario added
                SampleWorkloads.apply(clients.client(access), SampleWorkloads.forCluster(spec, access.cluster()));
                if (!access.created()) {
                    session.onTeardown("sample workloads in adopted cluster " + access.cluster(), () -> SampleWorkloads.delete(access));
                }
            }
            awaitReady();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("deploying " + spec.name() + " on " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Pods ready (sidecars included), istiod rolled out after cacerts, east-west addresses assigned, config propagated. */
    private void awaitReady() {
        for (ClusterAccess access : clusters.values()) {
            KubernetesClient k = clients.client(access);
            Awaitility.await("istiod rolled out in " + access.cluster()).atMost(READY).pollInterval(Duration.ofSeconds(5)).ignoreExceptions()
                    .until(() -> k.apps().deployments().inNamespace("istio-system").list().getItems().stream()
                            .filter(d -> d.getMetadata().getName().startsWith("istiod")).anyMatch(Readiness::deploymentRolledOut));
            Awaitility.await("east-west gateway address in " + access.cluster()).atMost(READY).pollInterval(Duration.ofSeconds(5)).ignoreExceptions()
                    .until(() -> k.services().inNamespace(gatewayNamespace(access.cluster())).list().getItems().stream()
                            .filter(s -> "LoadBalancer".equals(s.getSpec().getType())).allMatch(s -> Readiness.loadBalancerAddress(s) != null));
            Awaitility.await("sample deployments rolled out in " + access.cluster()).atMost(READY).pollInterval(Duration.ofSeconds(5)).ignoreExceptions()
                    .until(() -> k.apps().deployments().inAnyNamespace().withLabel(SampleWorkloads.SAMPLE_LABEL, "true").list().getItems().stream()
                            .allMatch(Readiness::deploymentRolledOut));
            Awaitility.await("sample pods ready in " + access.cluster()).atMost(READY).pollInterval(Duration.ofSeconds(5)).ignoreExceptions()
                    .until(() -> Readiness.notReady(k.pods().inAnyNamespace().withLabel(SampleWorkloads.SAMPLE_LABEL).list().getItems()).isEmpty()
                            && Readiness.notReady(k.pods().inAnyNamespace().withLabel("app").list().getItems()).isEmpty());
        }
        // config propagated: every workload reaches itself through its sidecar (routes, clusters and certs are pushed)
        for (Workload w : inventory.inventory().all()) {
            Awaitility.await("configuration pushed to " + w.describe()).atMost(READY).pollInterval(Duration.ofSeconds(3)).ignoreExceptions()
                    .until(() -> curl(ref(w), url(w.service() + "." + w.namespace() + ".svc.cluster.local", "/"), Map.of(), 1).get(0).status() > 0);
        }
    }

    /** Only meshfed's gateway namespace: an adopted cluster may hold other LoadBalancer Services that never get an address. */
    private String gatewayNamespace(String cluster) {
        return spec.clusters().stream().filter(c -> c.name().equals(cluster)).findFirst().orElseThrow().eastWestGateway().namespace();
    }

    private static WorkloadRef ref(Workload w) {
        return new WorkloadRef(w.service(), w.cluster(), w.namespace());
    }

    private Workload workload(WorkloadRef r) {
        return inventory.workload(r.service(), r.cluster(), r.namespace());
    }

    private ClusterAccess access(String cluster) {
        ClusterAccess a = clusters.get(cluster);
        if (a == null) {
            throw new IllegalStateException("the mesh is not deployed on " + name + " (cluster " + cluster + ")");
        }
        return a;
    }

    private Pod pod(WorkloadRef r) {
        Workload w = workload(r);
        List<Pod> pods = clients.client(access(r.cluster())).pods().inNamespace(r.namespace()).withLabel("app", r.service()).list().getItems();
        return pods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null && p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                .filter(p -> w.version() == null || w.version().equals(p.getMetadata().getLabels().get("version"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pod of " + r.describe()));
    }

    private int port(String host) {
        String[] parts = host.split("\\.");
        return spec.backings(parts[0], parts[1]).get(0).ports().get(0).number();
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + port(host) + path;
    }

    List<CurlProbe.Result> curl(WorkloadRef from, String url, Map<String, String> headers, int count) {
        return curl(from, url, headers, count, "GET");
    }

    List<CurlProbe.Result> curl(WorkloadRef from, String url, Map<String, String> headers, int count, String method) {
        Pod p = pod(from);
        var exec = clients.exec(access(from.cluster()), from.namespace(), p.getMetadata().getName(), "client",
                List.of("sh", "-c", CurlProbe.command(method, url, headers, count, 10)), 30L + 11L * count);
        List<CurlProbe.Result> results = CurlProbe.parse(exec.stdout());
        if (results.size() != count) {
            throw new IllegalStateException("expected " + count + " curl results from " + from.describe() + " but parsed " + results.size() + ": " + exec.stderr());
        }
        return results;
    }

    /** s_client from the cluster's probe pod to a workload's proxy: its sidecar (service port), or in ambient its ztunnel (pod IP, HBONE port). */
    private OpenSslProbe.Result sClient(ClusterAccess access, WorkloadRef target) {
        String host = target.service() + "." + target.namespace() + ".svc.cluster.local";
        List<String> argv = spec.ambient()
                ? OpenSslProbe.command(pod(target).getStatus().getPodIP(), OpenSslProbe.HBONE_PORT, null, OpenSslProbe.HBONE_ALPN)
                : OpenSslProbe.command(host, port(host), null);
        var exec = clients.exec(access, SampleWorkloads.PROBE_NAMESPACE, SampleWorkloads.PROBE_POD, "client", argv, 60);
        return OpenSslProbe.parse(exec.stdout());
    }

    /** The chain a meshed workload of the cluster presents, seen from the cluster's probe pod. */
    private OpenSslProbe.Result chainIn(String cluster) {
        Workload w = inventory.inventory().all().stream().filter(x -> x.cluster().equals(cluster)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sample workload in " + cluster));
        return sClient(access(cluster), ref(w));
    }

    /**
     * Re-applies the workload's sample Deployments with fake-service's error injection, under the
     * samples' field manager (so the next deployment's apply takes it out again), and waits for the
     * rollout. Sampling steps afterwards first let each source's proxy eject the failing endpoints.
     */
    @Override
    public void markUnhealthy(WorkloadRef w) {
        KubernetesClient k = clients.client(access(w.cluster()));
        List<HasMetadata> unhealthy = SampleWorkloads.unhealthy(SampleWorkloads.forCluster(spec, w.cluster()), w.namespace(), w.service());
        if (unhealthy.isEmpty()) {
            throw new IllegalStateException("no sample deployment of " + w.describe());
        }
        SampleWorkloads.apply(k, unhealthy);
        for (HasMetadata d : unhealthy) {
            Awaitility.await("rollout of unhealthy " + d.getMetadata().getName()).atMost(READY).pollInterval(Duration.ofSeconds(3))
                    .until(() -> Readiness.deploymentRolledOut(k.apps().deployments().inNamespace(w.namespace()).withName(d.getMetadata().getName()).get()));
        }
        ejectionPending = true;
        settledSources.clear();
    }

    /** After {@link #markUnhealthy}: discards requests from this source until a batch has no 5xx (its proxy ejected the endpoints) or the cap. */
    private void settle(WorkloadRef source, String url, Map<String, String> headers) {
        if (!ejectionPending || !settledSources.add(source.describe() + " " + url + " " + headers)) {
            return;
        }
        for (int sent = 0; sent < SETTLE_MAX; sent += SETTLE_BATCH) {
            if (curl(source, url, headers, SETTLE_BATCH).stream().noneMatch(r -> r.status() >= 500)) {
                return;
            }
        }
    }

    @Override
    public String sharedRootProblem(String clusterA, String clusterB) {
        OpenSslProbe.Result a = chainIn(clusterA);
        OpenSslProbe.Result b = chainIn(clusterB);
        return OpenSslProbe.sharedRootProblem(clusterA, a.certificates(), clusterB, b.certificates());
    }

    @Override
    public String mtlsMode(WorkloadRef r) {
        String host = r.service() + "." + r.namespace() + ".svc.cluster.local";
        ClusterAccess access = access(r.cluster());
        var exec = clients.exec(access, SampleWorkloads.PROBE_NAMESPACE, SampleWorkloads.PROBE_POD, "client",
                List.of("sh", "-c", CurlProbe.command("GET", url(host, "/"), Map.of(), 1, 10)), 60);
        List<CurlProbe.Result> plain = CurlProbe.parse(exec.stdout());
        return MtlsModes.infer(plain.isEmpty() ? new CurlProbe.Result(0, 0, -1, exec.stderr()) : plain.get(0),
                sClient(access, r));
    }

    private String hostFor(WorkloadRef source, WorkloadRef destination) {
        if (source.cluster().equals(destination.cluster())) {
            return destination.service() + "." + destination.namespace() + ".svc.cluster.local";
        }
        return destination.service() + "." + destination.namespace() + "." + spec.globalHostSuffix();
    }

    @Override
    public String mtlsProblem(WorkloadRef source, WorkloadRef destination) {
        String trust = sharedRootProblem(source.cluster(), destination.cluster());
        if (trust != null) {
            return trust;
        }
        if (mtlsMode(destination).equals("DISABLE")) {
            return "PeerAuthentication of " + destination.describe() + " is DISABLE: the destination presents no certificate";
        }
        CurlProbe.Result r = curl(source, url(hostFor(source, destination), "/"), Map.of(), 1).get(0);
        if (r.status() == 0 || (r.status() == 503 && (r.body().contains("TLS_error") || r.body().contains("CERTIFICATE_VERIFY_FAILED")
                || r.body().contains("connection failure") || r.body().contains("no healthy upstream")))) {
            return "no mTLS connection from " + source.describe() + " to " + destination.describe() + ": " + r.servedBy() + " " + r.body();
        }
        return null;
    }

    @Override
    public CallAnswer call(WorkloadRef source, WorkloadRef destination, String method, String path) {
        long since = System.currentTimeMillis();
        CurlProbe.Result r = curl(source, url(hostFor(source, destination), path), Map.of(), 1, method).get(0);
        if (r.rbacDenied()) {
            StringBuilder logs = new StringBuilder();
            KubernetesClient k = clients.client(access(destination.cluster()));
            int seconds = (int) Math.max(5, (System.currentTimeMillis() - since) / 1000 + 5);
            for (Pod p : k.pods().inNamespace(destination.namespace()).withLabel("app", destination.service()).list().getItems()) {
                if (p.getSpec().getContainers().stream().noneMatch(c -> c.getName().equals("istio-proxy"))) {
                    continue; // ambient: no sidecar; the waypoint decided
                }
                try {
                    logs.append(k.pods().inNamespace(destination.namespace()).withName(p.getMetadata().getName()).inContainer("istio-proxy")
                            .sinceSeconds(seconds).getLog());
                } catch (RuntimeException e) {
                    logs.append("\n").append(e.getMessage());
                }
            }
            String policy = RbacLog.lastDenial(logs.toString()).orElse("policy not logged");
            return new CallAnswer(false, 403, "denied: 403 RBAC: access denied; " + policy);
        }
        if (spec.ambient() && r.status() == 0 && r.exit() == CurlProbe.CONNECTION_RESET) {
            // ztunnel enforces L4 authorization by resetting the connection; it names no policy
            return new CallAnswer(false, 0, "denied: connection reset (ztunnel L4 authorization); policy not logged");
        }
        if (r.status() == 0 || r.status() == 502 || r.status() == 503 || r.status() == 504) {
            // a connection or upstream failure is not a denial: "may not" / "is denied by" must not pass on a broken mesh
            throw new IllegalStateException("the request from " + source.describe() + " to " + destination.describe()
                    + " failed before any authorization decision (neither allowed nor denied): " + r.servedBy());
        }
        return new CallAnswer(true, r.status(), "allowed: " + r.status() + " " + r.servedBy());
    }

    @Override
    public SplitAnswer sampleSplit(WorkloadRef source, String host, Request request) {
        String fqdn = inventory.resolve(workload(source), host);
        int n = SplitStatistics.requests();
        settle(source, url(fqdn, request.path()), request.headers());
        List<CurlProbe.Result> results = curl(source, url(fqdn, request.path()), request.headers(), n);
        Map<String, Double> percent = new TreeMap<>();
        CurlProbe.counts(results).forEach((k, v) -> percent.put(k, 100.0 * v / n));
        return new SplitAnswer(fqdn, "sampled", percent, n, (expected, keys) -> SplitStatistics.tolerancePoints(expected, n, keys));
    }

    @Override
    public ChainAnswer callThrough(WorkloadRef source, List<String> hops, Request request) {
        for (int i = 0; i + 1 < hops.size(); i++) {
            String from = hops.get(i).split("\\.")[0];
            String to = hops.get(i + 1).split("\\.")[0];
            if (!SampleWorkloads.calls(from, to)) {
                throw new IllegalStateException("the sample workloads do not chain " + from + " -> " + to + " (call graph " + SampleWorkloads.UPSTREAMS + ")");
            }
        }
        String fqdn = inventory.resolve(workload(source), hops.get(0));
        CurlProbe.Result r = curl(source, url(fqdn, request.path()), request.headers(), 1).get(0);
        long tolerance = Math.max(150, r.millis() / 10);
        return new ChainAnswer(r.status(), r.millis(), tolerance, "curl " + fqdn + " from " + source.describe() + ": " + r.servedBy());
    }

    @Override
    public List<Attachment> diagnostics() {
        return Diagnostics.collect(clusters, clients);
    }

    /** Scenario end: clients closed; clusters and stack stay for the next scenario (the session tears them down). */
    @Override
    public void close() {
        clients.close();
    }

    static Map<String, ClusterAccess> copy(Map<String, ClusterAccess> m) {
        return new LinkedHashMap<>(m);
    }

    static List<String> names(Map<String, ClusterAccess> m) {
        return new ArrayList<>(m.keySet());
    }
}
