package io.meshfed.scenarios;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.meshfed.spec.AccessPolicySpec;
import io.meshfed.spec.AccessSpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecValidator;
import io.meshfed.spec.TrafficPolicySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Steps that change the loaded mesh the way a recipe does between its labs: apply the access
 * policies one at a time, or take a traffic policy out. Every change goes through validation.
 */
public class SpecSteps {

    private final MeshWorld world;
    private final MeshSteps mesh;
    private MeshSpec loaded;

    public SpecSteps(MeshWorld world, MeshSteps mesh) {
        this.world = world;
        this.mesh = mesh;
    }

    @Given("only the access policies {string} are applied")
    public void onlyAccessPolicies(String names) {
        List<AccessPolicySpec> chosen = Arrays.stream(names.split(","))
                .map(String::trim).filter(n -> !n.isEmpty()).map(this::accessPolicy).toList();
        world.spec = withAccessPolicies(chosen);
    }

    @When("the access policy {string} is applied")
    public void applyAccessPolicy(String name) {
        List<AccessPolicySpec> policies = new ArrayList<>(world.spec.access().policies());
        AccessPolicySpec added = accessPolicy(name);
        if (policies.stream().noneMatch(p -> p.name().equals(name))) {
            policies.add(added);
        }
        world.spec = withAccessPolicies(policies);
        mesh.deploy();
    }

    @Given("the traffic policy {string} is removed")
    public void removeTrafficPolicy(String name) {
        List<TrafficPolicySpec> traffic = world.spec.traffic();
        if (traffic.stream().noneMatch(t -> t.name().equals(name))) {
            throw new IllegalArgumentException("no traffic policy \"" + name + "\"; the mesh has "
                    + traffic.stream().map(TrafficPolicySpec::name).toList());
        }
        world.spec = validated(world.spec.withTraffic(traffic.stream().filter(t -> !t.name().equals(name)).toList()));
    }

    private AccessPolicySpec accessPolicy(String name) {
        List<AccessPolicySpec> all = loaded().access().policies();
        return all.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no access policy \"" + name + "\"; the mesh has " + all.stream().map(AccessPolicySpec::name).toList()));
    }

    private MeshSpec withAccessPolicies(List<AccessPolicySpec> policies) {
        AccessSpec a = world.spec.access();
        return validated(world.spec.withAccess(new AccessSpec(a.mtls(), a.globalDefaultDeny(), policies, a.namespaceIsolation())));
    }

    /** The mesh as loaded, before any of these steps changed it. */
    private MeshSpec loaded() {
        if (world.spec == null) {
            throw new IllegalStateException("no mesh loaded: start with \"Given the mesh ...\"");
        }
        if (loaded == null) {
            loaded = world.spec;
        }
        return loaded;
    }

    private static MeshSpec validated(MeshSpec spec) {
        SpecValidator.requireValid(spec);
        return spec;
    }
}
