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
    void withoutATrustSourceTheComponentFailsClearly() {
        TrustSources.clear();
        Recorder.Run run = Recorder.run(ctx -> new Mesh("m", MeshArgs.builder().spec(spec).build(), null));
        String errors = run.result().exceptions().toString();
        assertTrue(errors.contains("no trust source installed"), errors);
    }
}
