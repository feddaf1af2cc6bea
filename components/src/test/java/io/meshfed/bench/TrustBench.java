package io.meshfed.bench;

import io.meshfed.trust.ClusterIdentity;
import io.meshfed.trust.KeyAlgorithm;
import io.meshfed.trust.MeshTrust;
import io.meshfed.trust.TrustSeed;
import io.meshfed.trust.TrustSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Benchmark, not a test: the PKI for N clusters (root + N intermediates) with EC P-256 and with
 * RSA 4096, against {@code openssl genpkey} generating the same number of keys of the same type
 * with the same parallelism. meshfed's time includes signing the certificates and writing the
 * PEMs; openssl's only key generation plus one process start per key.
 *
 * <pre>
 * ./mvnw -q -pl components test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp components/target/test-classes:components/target/classes:$(cat components/target/test-classpath.txt) \
 *     io.meshfed.bench.TrustBench [clusters=100] [openssl RSA sample=clusters+1] [ec-only]
 * </pre>
 * A smaller openssl RSA sample is timed and scaled to {@code clusters + 1} keys.
 */
public final class TrustBench {
    private static final int WARM_RUNS = 5;
    private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

    private TrustBench() {
    }

    public static void main(String[] args) throws Exception {
        int clusterCount = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int keys = clusterCount + 1;
        int rsaSample = args.length > 1 ? Math.min(Integer.parseInt(args[1]), keys) : keys;
        boolean withRsa = args.length <= 2 || !args[2].equals("ec-only");
        int threads = Runtime.getRuntime().availableProcessors();
        List<ClusterIdentity> clusters = IntStream.range(0, clusterCount)
                .mapToObj(i -> new ClusterIdentity("cluster-" + i, "cluster-" + i + ".local"))
                .toList();
        // A fixed seed, not TrustSeed.generate: a SecureRandom would initialise the JCA providers
        // before the timed first run and flatter it.
        TrustSeed seed = TrustSeed.fromBase64(Base64.getEncoder().encodeToString(new byte[TrustSeed.GENERATED_LENGTH_BYTES]));
        TrustSettings ec = TrustSettings.defaults(NOT_BEFORE);
        TrustSettings rsa = ec.withKeyAlgorithm(KeyAlgorithm.RSA_4096);

        System.out.printf(Locale.ROOT, "TrustBench: %d clusters = %d CA keys; %d CPUs (load average %.2f); Java %s; %s%n",
                clusterCount, keys, threads, loadAverage(), System.getProperty("java.version"), opensslVersion());

        // The first Bouncy Castle class costs the verification of bcprov's signed jar (an 800 KB
        // manifest), once per JVM; it is timed apart from issuance so the two can be told apart.
        double bouncyCastleLoad = millis(() -> loadClass("org.bouncycastle.crypto.digests.SHA256Digest"));
        double ecFirst = millis(() -> MeshTrust.issue(ec, seed, clusters));
        double ecCold = bouncyCastleLoad + ecFirst;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        List<Double> ecWarm = new ArrayList<>();
        for (int run = 0; run < WARM_RUNS; run++) {
            ecWarm.add(millis(() -> MeshTrust.issue(ec, seed, clusters)));
        }
        double ecSingleThread = millis(() -> inOneThread(() -> MeshTrust.issue(ec, seed, clusters)));
        double opensslEc = opensslGenpkey(keys, threads,
                "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        report("EC P-256", ecCold, median(ecWarm), ecSingleThread, opensslEc, keys, keys, threads);
        line("  of which loading the signed bcprov jar", bouncyCastleLoad, "ms");
        line("  of which the first MeshTrust.issue", ecFirst, "ms");
        line("JVM uptime at the end of the first run", uptime, "ms");
        System.out.printf(Locale.ROOT, "  target: P-256 trust for %d clusters <= 1000 ms in a fresh JVM: %s%n",
                clusterCount, ecCold <= 1000 ? "met" : "MISSED");

        if (!withRsa) {
            return;
        }
        double rsaCold = millis(() -> MeshTrust.issue(rsa, seed, clusters));
        double opensslRsaSample = opensslGenpkey(rsaSample, threads,
                "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4096");
        report("RSA 4096", rsaCold, Double.NaN, Double.NaN, opensslRsaSample * keys / rsaSample, keys, rsaSample, threads);
        System.out.printf(Locale.ROOT, "load average at the end: %.2f%n", loadAverage());
    }

    private static void report(String name, double cold, double warm, double singleThread, double openssl,
            int keys, int opensslSample, int threads) {
        System.out.printf(Locale.ROOT, "%s%n", name);
        line("meshfed first run in a fresh JVM", cold, "ms");
        if (!Double.isNaN(warm)) {
            line("meshfed MeshTrust.issue, warm (median of " + WARM_RUNS + ")", warm, "ms");
            line("meshfed MeshTrust.issue, warm, one thread", singleThread, "ms");
        }
        String sample = opensslSample == keys ? "" : String.format(Locale.ROOT, ", %d timed and scaled", opensslSample);
        line("openssl genpkey x" + keys + ", " + threads + " in parallel" + sample, openssl, "ms");
        line("ratio meshfed first run / openssl", cold / openssl, "");
        if (!Double.isNaN(warm)) {
            line("ratio meshfed warm / openssl", warm / openssl, "");
        }
    }

    private static void line(String label, double value, String unit) {
        System.out.printf(Locale.ROOT, "  %-48s %10.2f %s%n", label, value, unit);
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("Bouncy Castle is not on the class path", missing);
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double millis(Supplier<?> work) {
        long start = System.nanoTime();
        Object result = work.get();
        long elapsed = System.nanoTime() - start;
        if (result == null) {
            throw new IllegalStateException("benchmark step produced nothing");
        }
        return elapsed / 1e6;
    }

    /** Parallel streams run in the pool of the calling task, so a one-thread pool makes issuance sequential. */
    private static <T> T inOneThread(Supplier<T> work) {
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            return pool.submit(work::get).get();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        } finally {
            pool.shutdown();
        }
    }

    private static double opensslGenpkey(int invocations, int parallelism, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "genpkey"));
        command.addAll(List.of(options));
        command.addAll(List.of("-out", "/dev/null"));
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < invocations; i++) {
                runs.add(pool.submit(() -> run(command)));
            }
            for (Future<Integer> run : runs) {
                int exit = run.get(10, TimeUnit.MINUTES);
                if (exit != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
                }
            }
            return (System.nanoTime() - start) / 1e6;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    private static String opensslVersion() {
        try {
            Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor();
            return version;
        } catch (IOException | InterruptedException unavailable) {
            throw new IllegalStateException("the benchmark compares against openssl, which is not runnable here", unavailable);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
