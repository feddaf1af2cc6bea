package io.meshfed.scenarios.controlplane;

import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshfed.judge.istio.IstioJudge;
import io.meshfed.judge.istio.IstioOracle;
import io.meshfed.judge.istio.OracleWorkspace;
import io.meshfed.judge.istio.SampleCluster;
import io.meshfed.judge.istio.SamplePod;
import io.meshfed.scenarios.real.StackConfig;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Translator;
import io.meshfed.trust.MeshTrustSource;
import io.meshfed.trust.TrustSeed;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The local control planes of one mesh, kept across the scenarios that deploy it: the API servers,
 * the stack (each deployment is another {@code pulumi up}; the second of an unchanged spec must
 * change nothing) and one istiod per cluster. A different mesh replaces them. Stopped when the JVM exits.
 */
public final class ControlPlaneEnvironment implements AutoCloseable {

    private static ControlPlaneEnvironment shared;

    private final ControlPlaneParts parts;
    private final Path dir;
    private LocalControlPlane controlPlane;
    private InlineStack stack;
    private final Map<String, LocalIstiod> istiods = new LinkedHashMap<>();
    private final Map<String, io.meshfed.trust.WorkloadCertificate> issued = new java.util.HashMap<>();
    private String deployedJson;
    private boolean separateRoots;
    private Deployment last;

    /** What one deployment did: the deployed plan, {@code pulumi up}'s changes per operation, and whether it was a repeat. */
    public record Deployment(MeshPlan plan, Map<String, Integer> changes, boolean repeat) {

        /** Resources created, updated, replaced or deleted. */
        public int changed() {
            return changes.entrySet().stream().filter(e -> !e.getKey().equals("same")).mapToInt(Map.Entry::getValue).sum();
        }
    }

    private ControlPlaneEnvironment(ControlPlaneParts parts, Path dir) {
        this.parts = parts;
        this.dir = dir;
    }

    public static synchronized ControlPlaneEnvironment shared(ControlPlaneParts parts) {
        if (shared == null) {
            try {
                shared = new ControlPlaneEnvironment(parts, Files.createTempDirectory("meshfed-control-plane-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ControlPlaneEnvironment env = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                env.close();
                if (!"true".equals(System.getenv("MESHFED_KEEP_CLUSTERS"))) {
                    deleteTree(env.dir);
                }
            }, "meshfed-control-plane-stop"));
        }
        return shared;
    }

    /** A fresh environment in {@code dir} (tests that destroy what they deploy). */
    public static ControlPlaneEnvironment create(ControlPlaneParts parts, Path dir) {
        return new ControlPlaneEnvironment(parts, dir);
    }

    /** Null when the parts are built and the pulumi on this JVM's PATH is theirs (the Automation API runs "pulumi" from PATH). */
    public static String unavailableReason(ControlPlaneParts parts) {
        String missing = parts.missing();
        if (missing != null) {
            return missing;
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry).resolve("pulumi");
            if (Files.isExecutable(candidate)) {
                try {
                    return Files.isSameFile(candidate, parts.pulumi()) ? null
                            : "the pulumi on PATH (" + candidate + ") is not the one built in " + parts.bin() + ": put that folder first on PATH";
                } catch (IOException e) {
                    return "cannot compare " + candidate + " with " + parts.pulumi() + ": " + e.getMessage();
                }
            }
        }
        return "no pulumi on PATH: put " + parts.bin() + " first on PATH (the Automation API runs \"pulumi\" from PATH)";
    }

    public synchronized Deployment deploy(MeshSpec spec) {
        return deploy(spec, false);
    }

    /**
     * @param separateRoots each cluster gets its own root (the state before federation): a change
     *                      of trust starts fresh API servers, as a different mesh does
     */
    public synchronized Deployment deploy(MeshSpec spec, boolean separateRoots) {
        String seed = seed(spec);
        if (controlPlane == null || !controlPlane.serves(spec) || separateRoots != this.separateRoots) {
            stop();
            Path run = dir.resolve("run-" + System.nanoTime());
            controlPlane = LocalControlPlane.start(parts, spec, run);
            stack = new InlineStack(run.resolve("stack"), parts, separateRoots);
            this.separateRoots = separateRoots;
            deployedJson = null;
        }
        String meshJson = StackConfig.meshJson(spec, controlPlane.access(spec));
        boolean repeat = meshJson.equals(deployedJson);
        Map<String, Integer> changes = stack.up(stackName(spec), meshJson, seed, parts.charts());
        deployedJson = meshJson;
        MeshSpec deployedSpec = SpecLoader.load(meshJson, "stack config meshfed:mesh");
        MeshPlan plan = Translator.translate(deployedSpec, separateRoots ? io.meshfed.verify.SimulatedTrust.separateRoots(deployedSpec)
                : MeshTrustSource.of(deployedSpec, TrustSeed.fromBase64(seed)));
        for (ClusterPlan cluster : plan.clusters()) {
            try (KubernetesClient client = controlPlane.server(cluster.cluster()).client()) {
                KubeletStandIn.apply(client, SampleCluster.of(deployedSpec, cluster));
            }
        }
        startIstiods(plan);
        last = new Deployment(plan, Map.copyOf(changes), repeat);
        if (repeat && last.changed() > 0) {
            throw new IllegalStateException("a second pulumi up of the unchanged mesh " + spec.name() + " changed resources: " + changes);
        }
        return last;
    }

    /** The last deployment, or null. */
    public synchronized Deployment lastDeployment() {
        return last;
    }

    public synchronized LocalControlPlaneView view() {
        return new LocalControlPlaneView(controlPlane.kubeconfig(), controlPlane);
    }

    /** Read access for tests: the kubeconfig and each cluster's admin client. */
    public record LocalControlPlaneView(Path kubeconfig, LocalControlPlane controlPlane) {
        public KubernetesClient client(String cluster) {
            return controlPlane.server(cluster).client();
        }
    }

    /** {@code pulumi destroy} of the stack; returns the number of resources deleted. */
    public synchronized int destroy() {
        int deleted = stack == null ? 0 : stack.destroy();
        deployedJson = null;
        return deleted;
    }

    private void startIstiods(MeshPlan plan) {
        for (ClusterPlan cluster : plan.clusters()) {
            LocalIstiod running = istiods.get(cluster.cluster());
            if (running != null && running.alive()) {
                continue;
            }
            String namespace = cluster.releases().stream().filter(r -> r.name().startsWith("istiod")).findFirst()
                    .map(r -> r.namespace()).orElse("istio-system");
            String context = LocalControlPlane.contextOf(plan.spec().requireCluster(cluster.cluster()));
            istiods.put(cluster.cluster(), LocalIstiod.start(parts, controlPlane.server(cluster.cluster()), controlPlane.kubeconfig(),
                    context, namespace, controlPlane.dir().resolve("istiod").resolve(cluster.cluster())));
        }
    }

    /** Every Envoy's configuration from its cluster's istiod, judged by the istio backend's evaluator. */
    public synchronized IstioJudge judge(MeshPlan plan) {
        Map<String, IstioOracle.ClusterResult> results = new LinkedHashMap<>();
        Path dumps = controlPlane.dir().resolve("xds-" + System.nanoTime());
        for (ClusterPlan cluster : plan.clusters()) {
            SampleCluster sample = SampleCluster.of(plan.spec(), cluster);
            Path clusterDir = dumps.resolve(cluster.cluster());
            LocalIstiod istiod = Objects.requireNonNull(istiods.get(cluster.cluster()), "no istiod for " + cluster.cluster());
            try (XdsClient xds = new XdsClient(istiod.xdsPort())) {
                Files.createDirectories(clusterDir);
                for (SamplePod pod : sample.pods()) {
                    if (!pod.proxy().envoy()) {
                        continue;
                    }
                    ConfigDump dump = xds.fetch(XdsClient.node(OracleWorkspace.announcement(plan.spec(), cluster, pod)));
                    Files.write(clusterDir.resolve(pod.namespace() + "." + pod.name() + ".pb"), dump.toByteArray());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw new IllegalStateException(e.getMessage() + "\nistiod " + cluster.cluster() + " log:\n" + istiod.tail(), e);
            }
            results.put(cluster.cluster(), new IstioOracle.ClusterResult(sample, clusterDir));
        }
        return new IstioJudge(plan, results);
    }

    /**
     * A certificate for the workload identity, issued by the cluster's running istiod (its CA signs with
     * the intermediate from the {@code cacerts} Secret {@code pulumi up} wrote); it trusts that istiod's roots.
     */
    public synchronized io.meshfed.trust.WorkloadCertificate workloadCertificate(String cluster, String namespace, String serviceAccount) {
        LocalIstiod istiod = Objects.requireNonNull(istiods.get(cluster), "no istiod for " + cluster);
        String trustDomain = last.plan().spec().requireCluster(cluster).effectiveTrustDomain();
        String spiffeId = "spiffe://" + trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
        try (KubernetesClient client = controlPlane.server(cluster).client()) {
            List<java.security.cert.X509Certificate> roots = io.meshfed.trust.Certificates.parsePem(Files.readString(istiod.rootCertificates()));
            return IstiodCertificateClient.request(istiod.securePort(), istiod.rootCertificates(), client, namespace, serviceAccount,
                    spiffeId, roots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole log of the cluster's istiod so far. */
    public synchronized String istiodLog(String cluster) {
        LocalIstiod istiod = Objects.requireNonNull(istiods.get(cluster), "no istiod for " + cluster);
        try {
            return Files.readString(istiod.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For a failed scenario's report: the tails of istiod's and the API servers' logs. */
    public synchronized List<io.meshfed.scenarios.Backend.Attachment> diagnostics() {
        List<io.meshfed.scenarios.Backend.Attachment> out = new java.util.ArrayList<>();
        istiods.values().forEach(i -> out.add(new io.meshfed.scenarios.Backend.Attachment("istiod " + i.cluster() + " (log tail)",
                "text/plain", i.tail().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        if (controlPlane != null) {
            controlPlane.tails().forEach((cluster, tail) -> out.add(new io.meshfed.scenarios.Backend.Attachment(
                    "kube-apiserver " + cluster + " (log tail)", "text/plain", tail.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        return out;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; what is left is the operating system's to clean
        }
    }

    /**
     * A real mTLS handshake between the two workloads with certificates their clusters' istiods
     * issued (cached per identity for this deployment): null when it succeeds, else why not.
     */
    public synchronized String handshakeProblem(io.meshfed.verify.Workload source, io.meshfed.verify.Workload destination,
                                                java.util.Set<String> clientAccepts, io.meshfed.trust.AcceptedPeers serverAccepts) {
        io.meshfed.trust.WorkloadCertificate client;
        io.meshfed.trust.WorkloadCertificate server;
        try {
            client = issued(source);
            server = issued(destination);
        } catch (RuntimeException refused) {
            return "istiod did not issue a workload certificate: " + refused.getMessage();
        }
        var outcome = io.meshfed.trust.MtlsHandshake.run(client, io.meshfed.trust.AcceptedPeers.exactly(clientAccepts), server, serverAccepts);
        return outcome.succeeded() ? null : "mTLS handshake from " + source.describe() + " to " + destination.describe()
                + " with certificates from their istiods failed: " + outcome.failure();
    }

    private io.meshfed.trust.WorkloadCertificate issued(io.meshfed.verify.Workload w) {
        String key = w.cluster() + "|" + w.namespace() + "|" + w.serviceAccount();
        io.meshfed.trust.WorkloadCertificate known = issued.get(key);
        if (known == null) {
            known = workloadCertificate(w.cluster(), w.namespace(), w.serviceAccount());
            if (!known.spiffeId().equals(w.spiffeId())) {
                throw new IllegalStateException("istiod of " + w.cluster() + " issued " + known.spiffeId() + ", the mesh expects " + w.spiffeId());
            }
            issued.put(key, known);
        }
        return known;
    }

    static String stackName(MeshSpec spec) {
        return spec.name().replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    /** The trust seed of a mesh, as the real backends derive it (MESHFED_TRUST_SEED overrides). */
    static String seed(MeshSpec spec) {
        String configured = System.getenv(TrustSeed.ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(("meshfed-acceptance/" + spec.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        issued.clear();
        istiods.values().forEach(LocalIstiod::close);
        istiods.clear();
        if (controlPlane != null) {
            controlPlane.close();
            controlPlane = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
