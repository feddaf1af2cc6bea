package io.meshfed.bench;

import io.meshfed.render.RenderedFile;
import io.meshfed.render.Renderer;
import io.meshfed.render.Yaml;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Translator;
import io.meshfed.translate.TrustSource;
import io.meshfed.trust.MeshTrustSource;
import io.meshfed.trust.TrustSeed;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Benchmark, not a test: renders a generated mesh ({@link GeneratedMesh}: N clusters, M exported
 * services, three policies per service) and compares the time with the pure YAML serialisation
 * ({@link Yaml#of}) of the objects the translation produced, measured in the same run. Repeated
 * with half the services, so that the growth from M/2 to M shows whether anything is quadratic.
 *
 * <p>The measured steps, each the median of several runs after warm-up:
 * <ul>
 *   <li><b>translate</b>: {@code Translator.translate} (validation included) with a fake trust
 *       source that returns fixed PEM strings, so that only the translation is timed;</li>
 *   <li><b>render</b>: translate plus {@code Renderer.render} (file names, redaction, YAML,
 *       kustomizations): spec in, files out;</li>
 *   <li><b>serialise</b>: {@code Yaml.of} of every object and Helm values of the finished plan;</li>
 *   <li><b>trust</b>: {@code MeshTrustSource.of} (root + one EC P-256 intermediate per cluster),
 *       reported apart and added in the "with trust" line.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q -pl components test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -Xmx8g -cp components/target/test-classes:components/target/classes:$(cat components/target/test-classpath.txt) \
 *     io.meshfed.bench.FederationBench [clusters=100] [services=1000] [consumers=10] [runs=5] [warm-up rounds=3]
 * </pre>
 */
public final class FederationBench {

    private static final TrustSeed SEED = TrustSeed.fromBase64(Base64.getEncoder().encodeToString(new byte[TrustSeed.GENERATED_LENGTH_BYTES]));

    private FederationBench() {
    }

    public static void main(String[] args) throws Exception {
        int clusters = intArg(args, 0, 100);
        int services = intArg(args, 1, 1000);
        int consumers = intArg(args, 2, 10);
        int runs = intArg(args, 3, 5);
        int warmUp = intArg(args, 4, 3);
        System.out.printf(Locale.ROOT, "FederationBench: %d clusters, %d and %d exported services, each in 2 clusters, exported to %d clusters,"
                        + " 3 policies each; %d CPUs (load average %.2f); Java %s; max heap %d MB; median of %d runs after %d warm-up rounds%n",
                clusters, services, services / 2, Math.min(consumers, clusters), Runtime.getRuntime().availableProcessors(), loadAverage(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, runs, warmUp);
        // Both sizes are warmed up before either is measured, and measured runs alternate, so that
        // neither size gets more JIT compilation or a quieter machine than the other.
        List<Series> series = List.of(new Series(GeneratedMesh.of(clusters, services, consumers), services),
                new Series(GeneratedMesh.of(clusters, services / 2, consumers), services / 2));
        for (int round = 0; round < warmUp + runs; round++) {
            for (Series one : series) {
                one.run(round >= warmUp);
            }
        }
        List<Result> results = new ArrayList<>();
        for (Series one : series) {
            results.add(one.result());
        }
        print(results);
        Result full = results.get(0);
        System.out.printf(Locale.ROOT, "  targets for %d services: render <= 3000 ms: %s; render <= 2x serialise: %s (CPU: %s)%n", full.services,
                full.render() <= 3000 ? "met" : "MISSED", full.render() <= 2 * full.serialise ? "met" : "MISSED",
                full.renderCpu() <= 2 * full.serialiseCpu ? "met" : "MISSED");
        System.out.printf(Locale.ROOT, "load average at the end: %.2f%n", loadAverage());
    }

    /** Medians in milliseconds: wall-clock time and the CPU time of the whole JVM (all threads). */
    private record Result(int services, int objects, long yamlBytes, double translate, double renderer, double serialise,
                          double trust, double translateCpu, double rendererCpu, double serialiseCpu, double peakHeapMb,
                          double firstRender, double firstTrust, String digest) {
        double render() {
            return translate + renderer;
        }

        double renderCpu() {
            return translateCpu + rendererCpu;
        }
    }

    /** The runs of one mesh size. */
    private static final class Series {
        private final MeshSpec spec;
        private final int services;
        private final TrustSource trust;
        private final List<List<Double>> times = new ArrayList<>();
        private double firstRender = Double.NaN;
        private double firstTrust = Double.NaN;
        private MeshPlan plan;
        private long bytes;
        private double heap;

        Series(MeshSpec spec, int services) {
            this.spec = spec;
            this.services = services;
            this.trust = new FakeTrust(spec);
            for (int i = 0; i < 7; i++) {
                times.add(new ArrayList<>());
            }
        }

        void run(boolean timed) {
            plan = null;
            Step translated = step(() -> Translator.translate(spec, trust));
            MeshPlan finished = (MeshPlan) translated.result;
            plan = finished;
            Step rendered = step(() -> new Renderer(true).render(finished));
            heap = Math.max(heap, heapUsedMb());
            Step serialised = step(() -> serialiseAll(finished));
            bytes = (Long) serialised.result;
            Step trusted = step(() -> MeshTrustSource.of(spec, SEED));
            if (Double.isNaN(firstRender)) {
                firstRender = translated.wall + rendered.wall;
                firstTrust = trusted.wall;
            }
            if (timed) {
                List<Double> values = List.of(translated.wall, rendered.wall, serialised.wall, trusted.wall,
                        translated.cpu, rendered.cpu, serialised.cpu);
                for (int i = 0; i < values.size(); i++) {
                    times.get(i).add(values.get(i));
                }
            }
        }

        Result result() throws Exception {
            return new Result(services, plan.objectCount(), bytes, median(times.get(0)), median(times.get(1)), median(times.get(2)),
                    median(times.get(3)), median(times.get(4)), median(times.get(5)), median(times.get(6)), heap,
                    firstRender, firstTrust, digest(new Renderer(true).render(plan)));
        }
    }

    private record Step(Object result, double wall, double cpu) {
    }

    /** One timed step, after a collection so that it does not pay for the garbage of the step before. */
    private static Step step(Supplier<?> work) {
        System.gc();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        Object result = work.get();
        double wall = (System.nanoTime() - start) / 1e6;
        double cpu = (processCpuNanos() - cpuStart) / 1e6;
        if (result == null) {
            throw new IllegalStateException("benchmark step produced nothing");
        }
        return new Step(result, wall, cpu);
    }

    /** CPU time of every thread of this JVM (rendering runs clusters in parallel; GC threads count too). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap in use while the plan and its rendered files are both alive (before collection): a rough peak. */
    private static double heapUsedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    /** The pure serialisation: every object and Helm values of the plan, through the same serializer. */
    private static long serialiseAll(MeshPlan plan) {
        long bytes = 0;
        for (ClusterPlan cluster : plan.clusters()) {
            for (HelmRelease release : cluster.releases()) {
                bytes += Yaml.of(release.values()).length();
            }
            for (MeshObject object : cluster.objects()) {
                bytes += Yaml.of(object.object()).length();
            }
        }
        return bytes;
    }

    private static void print(List<Result> results) {
        System.out.printf(Locale.ROOT, "%-50s", "");
        results.forEach(r -> System.out.printf(Locale.ROOT, " %14s", r.services + " services"));
        System.out.println();
        row(results, "objects (incl. Helm releases)", r -> r.objects, "%14.0f");
        row(results, "YAML (MB)", r -> r.yamlBytes / 1e6, "%14.1f");
        row(results, "translate, fake trust (ms)", r -> r.translate, "%14.0f");
        row(results, "Renderer.render of that plan (ms)", r -> r.renderer, "%14.0f");
        row(results, "render = translate + Renderer.render (ms)", Result::render, "%14.0f");
        row(results, "serialise the same objects, Yaml.of (ms)", r -> r.serialise, "%14.0f");
        row(results, "ratio translate / serialise", r -> r.translate / r.serialise, "%14.2f");
        row(results, "ratio render / serialise", r -> r.render() / r.serialise, "%14.2f");
        row(results, "CPU: translate (ms)", r -> r.translateCpu, "%14.0f");
        row(results, "CPU: render (ms)", Result::renderCpu, "%14.0f");
        row(results, "CPU: serialise (ms)", r -> r.serialiseCpu, "%14.0f");
        row(results, "CPU ratio translate / serialise", r -> r.translateCpu / r.serialiseCpu, "%14.2f");
        row(results, "CPU ratio render / serialise", r -> r.renderCpu() / r.serialiseCpu, "%14.2f");
        row(results, "trust: MeshTrustSource.of, EC P-256 (ms)", r -> r.trust, "%14.0f");
        row(results, "render with trust (ms)", r -> r.render() + r.trust, "%14.0f");
        row(results, "ratio render with trust / serialise", r -> (r.render() + r.trust) / r.serialise, "%14.2f");
        row(results, "first run of this size: render (ms)", r -> r.firstRender, "%14.0f");
        row(results, "first run of this size: trust (ms)", r -> r.firstTrust, "%14.0f");
        row(results, "heap in use after render, max (MB)", r -> r.peakHeapMb, "%14.0f");
        if (results.size() > 1) {
            Result full = results.get(0);
            Result half = results.get(1);
            System.out.printf(Locale.ROOT, "  growth from %d to %d services: objects x%.2f; CPU: translate x%.2f, render x%.2f, serialise x%.2f%n",
                    half.services, full.services, (double) full.objects / half.objects,
                    full.translateCpu / half.translateCpu, full.renderCpu() / half.renderCpu(), full.serialiseCpu / half.serialiseCpu);
        }
        results.forEach(r -> System.out.printf(Locale.ROOT, "  SHA-256 of the rendered files, %d services: %s%n", r.services, r.digest));
    }

    private static void row(List<Result> results, String label, ToDoubleFunction<Result> value, String format) {
        System.out.printf(Locale.ROOT, "  %-42s", label);
        results.forEach(r -> System.out.printf(Locale.ROOT, " " + format, value.applyAsDouble(r)));
        System.out.println();
    }

    private static String digest(List<RenderedFile> files) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (RenderedFile file : files) {
            sha.update(file.path().getBytes(StandardCharsets.UTF_8));
            sha.update(file.content().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Fixed PEM-like strings per cluster: the translation's work without issuing certificates. */
    private static final class FakeTrust implements TrustSource {
        private final Map<String, Map<String, String>> files = new LinkedHashMap<>();

        FakeTrust(MeshSpec spec) {
            for (ClusterSpec cluster : spec.clusters()) {
                Map<String, String> pems = new LinkedHashMap<>();
                for (String key : List.of("ca-cert.pem", "ca-key.pem", "cert-chain.pem", "root-cert.pem")) {
                    pems.put(key, "-----BEGIN FAKE-----\n" + cluster.name() + "/" + key + "\n-----END FAKE-----\n");
                }
                files.put(cluster.name(), pems);
            }
        }

        @Override
        public Map<String, String> cacerts(String cluster) {
            return files.get(cluster);
        }

        @Override
        public boolean workloadsNeedEcdsa() {
            return true;
        }

        @Override
        public String rootFingerprintSha256() {
            return "00".repeat(32);
        }
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }




    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
