package io.meshfed.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.render.RenderedFile;
import io.meshfed.render.Renderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same inputs, same bytes: twice in one JVM and once more in a fresh JVM (other hash seeds). */
class DeterminismTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void twoRendersAreByteIdentical(String stack) {
        List<RenderedFile> first = new Renderer(true).render(Examples.plan(stack));
        List<RenderedFile> second = new Renderer(true).render(Examples.plan(stack));
        assertEquals(first, second);
    }

    @ParameterizedTest
    @ValueSource(strings = {"smh-workshop", "ambient"})
    void aSecondJvmRendersTheSameBytes(String stack) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RenderDigest.class.getName(), stack)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM finished");
        String childDigest = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, child.exitValue());
        assertEquals(RenderDigest.digest(stack), childDigest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local"})
    void aDifferentSeedChangesTheTrustFilesAndTheRootInIstiodsCaCertificatesOnly(String stack) throws IOException {
        var spec = Examples.spec(stack);
        var other = io.meshfed.trust.TrustSeed.fromBase64("ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
        List<RenderedFile> a = new Renderer(true).render(Examples.plan(spec));
        List<RenderedFile> b = new Renderer(true).render(Translator.translate(spec, io.meshfed.trust.MeshTrustSource.of(spec, other)));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).path().contains("/20-trust/")) {
                assertNotEquals(a.get(i), b.get(i));
            } else if (a.get(i).path().endsWith("/helm-istiod.values.yaml")) {
                // meshConfig.caCertificates carries the root (MeshTrustDomains); nothing else may move.
                assertNotEquals(a.get(i), b.get(i));
                assertEquals(withoutCertificates(a.get(i).content()), withoutCertificates(b.get(i).content()));
            } else {
                assertEquals(a.get(i), b.get(i));
            }
        }
    }

    private static String withoutCertificates(String yaml) {
        return yaml.replaceAll("(?s)-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", "<root>");
    }
}
