package io.meshfed.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshfed.spec.SpecLoader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Runs {@code cases} mutated specs through {@link SpecPipeline}. Case {@code i} of seed {@code s} is
 * always the same spec, so a crash is reproduced by its seed and index alone.
 */
final class MutationRun {

    record Crash(long index, String seedSpec, List<String> edits, String yaml, SpecPipeline.Outcome outcome) {

        String describe() {
            return "case " + index + " (from " + seedSpec + "; " + String.join(", ", edits) + "): " + outcome.detail()
                    + "\n--- spec ---\n" + (yaml.length() > 4000 ? yaml.substring(0, 4000) + "\n[...]" : yaml);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final long seed;
    private final List<SeedSpecs.Seed> seeds = SeedSpecs.all();
    private final SpecMutator mutator;
    private final Map<SpecPipeline.Verdict, LongAdder> counts = new EnumMap<>(SpecPipeline.Verdict.class);
    private final Map<SpecPipeline.Verdict, LongAdder> nanos = new EnumMap<>(SpecPipeline.Verdict.class);
    /** The first crash (lowest case index) of each kind. */
    private final Map<String, Crash> crashesBySignature = new ConcurrentHashMap<>();
    /** Specs the validator let through but trust or translation refused, one per report. */
    private final Map<String, Crash> lateReports = new ConcurrentHashMap<>();

    MutationRun(long seed) {
        this.seed = seed;
        List<String> vocabulary = new ArrayList<>();
        seeds.forEach(s -> vocabulary.addAll(SpecMutator.stringsOf(s.tree())));
        this.mutator = new SpecMutator(vocabulary.stream().distinct().toList());
        for (SpecPipeline.Verdict v : SpecPipeline.Verdict.values()) {
            counts.put(v, new LongAdder());
            nanos.put(v, new LongAdder());
        }
    }

    /** Runs cases {@code from} (inclusive) to {@code to} on every core; each case depends only on the seed and its index. */
    void run(long from, long to) {
        LongStream.range(from, to).parallel().forEach(this::runCase);
    }

    void runCase(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        SeedSpecs.Seed start = seeds.get(random.nextInt(seeds.size()));
        List<String> edits = new ArrayList<>();
        JsonNode mutated = mutator.mutate(start.tree(), random, edits);
        String yaml = yaml(random.nextInt(4) == 0 ? stackFile(mutated) : mutated);
        long began = System.nanoTime();
        SpecPipeline.Outcome outcome = SpecPipeline.run(yaml);
        counts.get(outcome.verdict()).increment();
        nanos.get(outcome.verdict()).add(System.nanoTime() - began);
        if (outcome.verdict() == SpecPipeline.Verdict.REPORTED_LATER) {
            lateReports.merge(outcome.detail(), new Crash(index, start.name(), edits, yaml, outcome), (a, b) -> a.index() <= b.index() ? a : b);
        }
        if (outcome.verdict() == SpecPipeline.Verdict.CRASHED) {
            Crash crash = new Crash(index, start.name(), edits, yaml, outcome);
            crashesBySignature.merge(outcome.signature(), crash, (a, b) -> a.index() <= b.index() ? a : b);
        }
    }

    long count(SpecPipeline.Verdict verdict) {
        return counts.get(verdict).sum();
    }

    /** One example per kind of crash, in case order. */
    List<Crash> crashes() {
        return crashesBySignature.values().stream().sorted(Comparator.comparingLong(Crash::index)).toList();
    }

    /** One example per report that trust or translation made after validation passed, in case order. */
    List<Crash> lateReports() {
        return lateReports.values().stream().sorted(Comparator.comparingLong(Crash::index)).toList();
    }

    String summary() {
        return counts.keySet().stream().map(v -> {
            long n = count(v);
            return v.name().toLowerCase(Locale.ROOT) + " " + n
                    + (n == 0 ? "" : String.format(Locale.ROOT, " (%.1f ms each)", nanos.get(v).sum() / 1e6 / n));
        }).collect(Collectors.joining(", ")) + " (" + crashesBySignature.size() + " kinds of crash)";
    }

    private static JsonNode stackFile(JsonNode mesh) {
        var config = JsonNodeFactory.instance.objectNode();
        config.set(SpecLoader.STACK_KEY, mesh);
        var stack = JsonNodeFactory.instance.objectNode();
        stack.set("config", config);
        return stack;
    }

    private static String yaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
