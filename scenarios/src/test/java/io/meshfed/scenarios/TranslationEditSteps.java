package io.meshfed.scenarios;

import io.cucumber.java.en.Given;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.MeshPlan;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import java.util.List;
import java.util.function.Predicate;

/** Test-only steps that break the translation on purpose, for negative features (src/test/resources/negative). */
public class TranslationEditSteps {

    private final MeshWorld world;

    public TranslationEditSteps(MeshWorld world) {
        this.world = world;
    }

    @Given("the translation leaves out the DestinationRules in namespace {string}")
    public void dropDestinationRules(String namespace) {
        world.backend.editTranslation(plan -> without(plan, o -> o.object() instanceof DestinationRule && namespace.equals(o.namespace())));
    }

    @Given("the translation renames subset {string} to {string} in every DestinationRule")
    public void renameSubset(String from, String to) {
        world.backend.editTranslation(plan -> {
            for (ClusterPlan c : plan.clusters()) {
                for (DestinationRule dr : c.ofType(DestinationRule.class)) {
                    if (dr.getSpec().getSubsets() != null) {
                        dr.getSpec().getSubsets().stream().filter(s -> from.equals(s.getName())).forEach(s -> s.setName(to));
                    }
                }
            }
            return plan;
        });
    }

    private static MeshPlan without(MeshPlan plan, Predicate<MeshObject> drop) {
        List<ClusterPlan> clusters = plan.clusters().stream()
                .map(c -> new ClusterPlan(c.cluster(), c.releases(), c.objects().stream().filter(drop.negate()).toList())).toList();
        return new MeshPlan(plan.spec(), clusters, plan.rootFingerprintSha256());
    }
}
