package io.meshfed.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The specs mutations start from: every example stack's {@code meshfed:mesh} and the inline meshes of the features. */
final class SeedSpecs {

    record Seed(String name, JsonNode tree) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern INLINE_MESH = Pattern.compile("\"\"\"yaml\\n(.*?)\\n\\s*\"\"\"", Pattern.DOTALL);

    private SeedSpecs() {
    }

    static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        for (String stack : Examples.STACKS) {
            JsonNode mesh = read(Examples.stackFile(stack)).path("config").path(SpecLoader.STACK_KEY);
            seeds.add(new Seed("stacks/Pulumi." + stack + ".yaml", mesh));
        }
        seeds.addAll(featureMeshes());
        for (String resource : EVERY_FIELD) {
            seeds.add(new Seed(resource, resource(resource)));
        }
        return List.copyOf(seeds);
    }

    /** Specs that set the fields the examples leave out, so that every field gets edited. */
    static final List<String> EVERY_FIELD = List.of("fuzz/every-field.yaml", "fuzz/every-field-ambient.yaml");

    static String resourceText(String name) {
        try (var in = SeedSpecs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resource(String name) {
        try {
            return YAML.readTree(resourceText(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Seed> featureMeshes() {
        Path features = Examples.stackFile("local").getParent().resolveSibling("features");
        List<Seed> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(features)) {
            for (Path feature : files.filter(f -> f.toString().endsWith(".feature")).sorted().toList()) {
                Matcher m = INLINE_MESH.matcher(Files.readString(feature));
                for (int i = 0; m.find(); i++) {
                    seeds.add(new Seed(features.relativize(feature) + "#" + i, YAML.readTree(m.group(1).stripIndent())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeds;
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
