package io.meshfed.judge.istio;

import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.ClusterPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the istio-oracle once per cluster (each cluster has its own istiod) and returns the
 * directories holding its report and the proxies' config dumps. Runs are cached by the SHA-256 of
 * their inputs and the binary, so a scenario that deploys the same mesh again costs nothing.
 */
public final class IstioOracle {

    private static final long TIMEOUT_SECONDS = 300;

    private final Path binary;
    private final Path cache;

    public IstioOracle(Path binary, Path cache) {
        this.binary = binary;
        this.cache = cache;
    }

    public static IstioOracle fromEnvironment() {
        Path binary = OracleBinary.find();
        if (binary == null) {
            throw new IllegalStateException(OracleBinary.unavailableReason());
        }
        return new IstioOracle(binary, Path.of(System.getProperty("java.io.tmpdir"), "meshfed-istio-oracle"));
    }

    /** One result per cluster of the plan, in the plan's order. */
    public Map<String, ClusterResult> judge(MeshPlan plan) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(plan.clusters().size(),
                Runtime.getRuntime().availableProcessors())));
        try {
            Map<String, Future<ClusterResult>> futures = new LinkedHashMap<>();
            for (ClusterPlan c : plan.clusters()) {
                futures.put(c.cluster(), pool.submit(() -> run(OracleWorkspace.of(plan.spec(), c))));
            }
            Map<String, ClusterResult> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<ClusterResult>> f : futures.entrySet()) {
                results.put(f.getKey(), f.getValue().get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Istio judged the mesh", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    ClusterResult run(OracleWorkspace ws) throws IOException, InterruptedException {
        String key = cacheKey(ws);
        Path done = cache.resolve(key);
        if (!Files.isDirectory(done.resolve("out"))) {
            Files.createDirectories(cache);
            Path work = Files.createTempDirectory(cache, key + ".");
            ws.writeTo(work);
            // run inside the workspace so that reports name files as render writes them (rendered/<stage>/<file>)
            ProcessBuilder pb = new ProcessBuilder(binary.toString(), "request.json", "out").directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve("oracle.log").toFile());
            pb.environment().putAll(ws.env());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("istio-oracle did not finish within " + TIMEOUT_SECONDS + " s; see " + work);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("istio-oracle failed for cluster " + ws.sample().cluster() + " (exit " + p.exitValue()
                        + "): " + tail(work.resolve("oracle.log")));
            }
            try {
                Files.move(work, done, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(done.resolve("out"))) {
                    throw raced;
                }
            }
        }
        return new ClusterResult(ws.sample(), done.resolve("out"));
    }

    private String cacheKey(OracleWorkspace ws) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((binary + "|" + Files.size(binary) + "|" + Files.getLastModifiedTime(binary).toMillis() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(ws.env().toString().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> f : new java.util.TreeMap<>(ws.files()).entrySet()) {
                sha.update((f.getKey() + "\0" + f.getValue() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8).strip();
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 15), lines.length));
    }

    /** The oracle's output for one cluster: {@code report.json} and {@code <namespace>.<pod>.pb/.json} per proxy. */
    public record ClusterResult(SampleCluster sample, Path directory) {

        public Path dump(SamplePod pod) {
            return directory.resolve(pod.namespace() + "." + pod.name() + ".pb");
        }

        public Path report() {
            return directory.resolve("report.json");
        }
    }
}
