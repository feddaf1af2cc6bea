package io.meshfed.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.PulumiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validator's syntax and uniqueness checks stop the whole-spec component before any resource is registered. */
class MeshRefusesBadSpecTest {

    private String spec;

    @BeforeEach
    void setUp() throws Exception {
        spec = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("stacks/Pulumi.local.yaml"));
        TrustSources.use(TestTrust::of);
    }

    @AfterEach
    void tearDown() {
        TrustSources.clear();
        PulumiTest.cleanup();
    }

    @Test
    void theValidatorsSyntaxAndUniquenessChecksStopTheMeshBeforeAnyResource() {
        String bad = spec.replace("        network: east\n", "        network: east\n        trustDomain: ünïcode\n")
                .replace("      mtls: STRICT", "      mtls: STRICT\n      namespaceIsolation: [{namespace: httpbin}, {cluster: west, namespace: httpbin}]");
        Recorder.Run run = Recorder.run(ctx -> new Mesh("m", MeshArgs.builder().spec(bad).build(), null));
        String errors = run.result().exceptions().toString();
        assertTrue(errors.contains("clusters[0].trustDomain: 'ünïcode' is not a SPIFFE trust domain"), errors);
        assertTrue(errors.contains("access.namespaceIsolation[1]: namespace 'httpbin' is already isolated in every cluster by "
                + "access.namespaceIsolation[0]"), errors);
        assertEquals(List.of(), run.calls().stream().filter(c -> c.type().startsWith("kubernetes:")).map(Recorder.Call::name).toList());
    }
}
