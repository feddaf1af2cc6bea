package io.meshfed.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshfed.render.Yaml;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Stage;
import io.meshfed.translate.Translator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The example stacks under stacks/ and what their translation is expected to register. */
final class StackFixtures {

    /** Surefire runs in the module directory, which is also the stack config directory. */
    static final Path STACKS_DIR = Path.of(System.getProperty("user.dir"));

    private StackFixtures() {
    }

    static Path stackFile(String stack) {
        return STACKS_DIR.resolve("Pulumi." + stack + ".yaml");
    }

    /** {@code meshfed:mesh} of a stack file as the JSON string Pulumi hands to the program. */
    static String meshConfigJson(String stack) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(stackFile(stack)));
            return new ObjectMapper().writeValueAsString(root.path("config").path(SpecLoader.STACK_KEY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MeshPlan plan(String specText) {
        MeshSpec spec = SpecLoader.load(specText, "test");
        return Translator.translate(spec, FakeTrust.of(spec));
    }

    /** Pulumi resource name → the object's JSON form, for every Kubernetes object of the plan. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> expectedObjects(MeshPlan plan) {
        Map<String, Object> out = new LinkedHashMap<>();
        plan.clusters().forEach(c -> c.objects().forEach(o -> out.put(c.cluster() + "/" + o.key(),
                Structs.plain(Yaml.serialization().convertValue(o.object(), Map.class)))));
        return out;
    }

    static Map<String, HelmRelease> expectedReleases(MeshPlan plan) {
        Map<String, HelmRelease> out = new LinkedHashMap<>();
        plan.clusters().forEach(c -> c.releases().forEach(r -> out.put(c.cluster() + "/helm/" + r.name(), r)));
        return out;
    }

    /** Resource name → (cluster, stage) for every object and release of the plan. */
    static Map<String, Placed> placement(MeshPlan plan) {
        Map<String, Placed> out = new LinkedHashMap<>();
        plan.clusters().forEach(c -> {
            c.objects().forEach(o -> out.put(c.cluster() + "/" + o.key(), new Placed(c.cluster(), o.stage(), o, null)));
            c.releases().forEach(r -> out.put(c.cluster() + "/helm/" + r.name(), new Placed(c.cluster(), r.stage(), null, r.namespace())));
        });
        return out;
    }

    /** Where a resource of the plan belongs; {@code object} is null for Helm releases, which have a namespace instead. */
    record Placed(String cluster, Stage stage, MeshObject object, String releaseNamespace) {
    }
}
