package io.meshfed.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.Examples;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streamed YAML is byte for byte fabric8's {@code asYaml}, and reads back to the same object. */
class YamlTest {

    static java.util.List<String> stacks() {
        return Examples.STACKS;
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void everyObjectIsWrittenAsFabric8WritesItAndReadsBack(String stack) {
        for (ClusterPlan cluster : Examples.plan(stack).clusters()) {
            for (Stage stage : Stage.values()) {
                for (MeshObject o : cluster.objects(stage)) {
                    String yaml = Yaml.of(o.object());
                    assertEquals(Yaml.serialization().asYaml(o.object()), yaml, o.key());
                    assertEquals(o.object(), Yaml.serialization().unmarshal(yaml, o.object().getClass()), o.key());
                }
                for (HelmRelease release : cluster.releases(stage)) {
                    assertEquals(Yaml.serialization().asYaml(release.values()), Yaml.of(release.values()), release.name());
                }
            }
        }
    }
}
