package io.meshfed.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.test.PulumiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Components used on their own, as from another program or language: the caller's provider and
 * dependsOn reach every child, and the Secret's contents are a Pulumi secret.
 */
class StandaloneComponentsTest {

    private static final String SECRET_SIG = "4dabf18193072939515e22adb298388d";

    private String spec;

    @BeforeEach
    void setUp() throws IOException {
        spec = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("stacks/Pulumi.local.yaml"));
        TrustSources.use(TestTrust::of);
    }

    @AfterEach
    void tearDown() {
        TrustSources.clear();
        PulumiTest.cleanup();
    }

    @Test
    void callersProviderAndDependsOnReachEveryChild() {
        Recorder.Run run = Recorder.run(ctx -> {
            Provider west = new Provider("my-west", ProviderArgs.builder().context("kind-west").build());
            new Provider("unrelated", ProviderArgs.builder().context("x").build());
            var before = new Provider("before", ProviderArgs.builder().context("y").build(),
                    CustomResourceOptions.builder().build());
            new SharedRootTrust("west-trust", SharedRootTrustArgs.builder().spec(spec).cluster("west").build(),
                    ComponentResourceOptions.builder().providers(west).dependsOn(before).build());
        });
        assertTrue(run.result().exceptions().isEmpty(), () -> run.result().exceptions().toString());
        Recorder.Call secret = run.named("west/Secret/istio-system/cacerts");
        assertEquals("kubernetes:core/v1:Secret", secret.type());
        assertEquals(run.named("my-west").urn(), secret.providerUrn());
        assertEquals(run.named("west-trust").urn(), secret.request().getParent());
        assertEquals(List.of(run.named("before").urn()), secret.request().getDependenciesList());
        var stringData = secret.request().getObject().getFieldsMap().get("stringData").getStructValue();
        assertTrue(stringData.getFieldsMap().containsKey(SECRET_SIG), "stringData must be a Pulumi secret");
        assertTrue(secret.request().getAdditionalSecretOutputsList().contains("stringData"));
    }

    @Test
    void meshFederationRegistersTheClustersFederationAndNothingElse() {
        Recorder.Run run = Recorder.run(ctx -> new MeshFederation("east-federation",
                MeshFederationArgs.builder().spec(spec).cluster("east").build(), null));
        assertTrue(run.result().exceptions().isEmpty(), () -> run.result().exceptions().toString());
        Set<String> names = new TreeSet<>();
        run.calls().stream().filter(c -> c.type().startsWith("kubernetes:")).forEach(c -> names.add(c.name()));
        Set<String> expected = new TreeSet<>();
        io.meshfed.pulumi.internal.Plans.cluster(spec, "east").objects(io.meshfed.translate.Stage.FEDERATION)
                .forEach(o -> expected.add("east/" + o.key()));
        assertTrue(expected.size() > 0, "the local stack federates httpbin into east");
        assertEquals(expected, names);
    }

    @Test
    void theValidatorsSyntaxAndUniquenessChecksStopEveryComponentBeforeAnyResource() {
        String bad = spec.replace("        network: east\n", "        network: east\n        trustDomain: ünïcode\n")
                .replace("      mtls: STRICT", "      mtls: STRICT\n      namespaceIsolation: [{namespace: httpbin}, {cluster: west, namespace: httpbin}]");
        Recorder.Run run = Recorder.run(ctx -> {
            new Mesh("m", MeshArgs.builder().spec(bad).build(), null);
            new SharedRootTrust("west-trust", SharedRootTrustArgs.builder().spec(bad).cluster("west").build(), null);
        });
        String errors = run.result().exceptions().toString();
        assertTrue(errors.contains("clusters[0].trustDomain: 'ünïcode' is not a SPIFFE trust domain"), errors);
        assertTrue(errors.contains("access.namespaceIsolation[1]: namespace 'httpbin' is already isolated in every cluster by "
                + "access.namespaceIsolation[0]"), errors);
        assertEquals(List.of(), run.calls().stream().filter(c -> c.type().startsWith("kubernetes:")).map(Recorder.Call::name).toList());
    }

    @Test
    void withoutATrustSourceTheComponentFailsClearly() {
        TrustSources.clear();
        Recorder.Run run = Recorder.run(ctx -> new Mesh("m", MeshArgs.builder().spec(spec).build(), null));
        String errors = run.result().exceptions().toString();
        assertTrue(errors.contains("no trust source installed"), errors);
    }
}
