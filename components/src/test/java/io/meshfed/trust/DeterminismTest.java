package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Same seed and epochs give the same bytes, in this JVM and in another. */
class DeterminismTest {
    private static final String[] CLUSTERS = {"cluster-a", "cluster-b", "cluster-c"};

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_3072"})
    void sameSeedAndEpochGiveByteIdenticalPemsAcrossInstancesAndJvms(KeyAlgorithm algorithm) throws Exception {
        TrustSeed seed = TrustFixtures.seed("determinism");
        TrustSettings settings = TrustFixtures.fixedSettings(algorithm);
        MeshTrust first = MeshTrust.issue(settings, seed, TrustFixtures.clusters(CLUSTERS));
        MeshTrust second = MeshTrust.issue(settings, TrustSeed.fromBase64(seed.toBase64()), TrustFixtures.clusters(CLUSTERS));

        for (String cluster : CLUSTERS) {
            assertEquals(first.caCerts(cluster), second.caCerts(cluster), cluster);
        }
        String golden = TrustDigest.of(first);
        assertEquals(golden, TrustDigest.of(second));
        assertEquals(golden, digestInChildJvm(seed, algorithm, settings, 0));

        MeshTrust otherSeed = MeshTrust.issue(settings, TrustFixtures.seed("another"), TrustFixtures.clusters(CLUSTERS));
        assertNotEquals(golden, TrustDigest.of(otherSeed), "the digest must depend on the seed");
    }

    @Test
    void aNewIntermediateEpochReissuesEveryIntermediateUnderTheSameRoot() throws Exception {
        TrustSeed seed = TrustFixtures.seed("epochs");
        TrustSettings epoch0 = TrustFixtures.fixedSettings(KeyAlgorithm.EC_P256);
        MeshTrust before = MeshTrust.issue(epoch0, seed, TrustFixtures.clusters(CLUSTERS));
        MeshTrust after = MeshTrust.issue(epoch0.withIntermediateEpoch(1), seed, TrustFixtures.clusters(CLUSTERS));

        assertEquals(before.rootCertPem(), after.rootCertPem());
        assertEquals(before.rootFingerprintSha256(), after.rootFingerprintSha256());
        for (String cluster : CLUSTERS) {
            CaCerts old = before.caCerts(cluster);
            CaCerts fresh = after.caCerts(cluster);
            assertNotEquals(old.caCertPem(), fresh.caCertPem(), cluster);
            assertNotEquals(old.caKeyPem(), fresh.caKeyPem(), cluster + ": a new epoch means a new key");
            X509Certificate oldCert = Certificates.parsePem(old.caCertPem()).get(0);
            X509Certificate freshCert = Certificates.parsePem(fresh.caCertPem()).get(0);
            assertNotEquals(oldCert.getSerialNumber(), freshCert.getSerialNumber());
            assertEquals(oldCert.getNotAfter().toInstant().plus(epoch0.intermediateValidity()),
                    freshCert.getNotAfter().toInstant(), "each epoch extends the expiry by one validity period");
            assertChainsTo(fresh.certChainPem(), before.rootCertPem());
        }
    }

    @Test
    void addingAClusterLeavesTheOtherClustersUntouched() {
        TrustSeed seed = TrustFixtures.seed("stable");
        TrustSettings settings = TrustFixtures.fixedSettings(KeyAlgorithm.EC_P256);
        MeshTrust two = MeshTrust.issue(settings, seed, TrustFixtures.clusters("cluster-a", "cluster-b"));
        MeshTrust three = MeshTrust.issue(settings, seed, TrustFixtures.clusters("cluster-c", "cluster-b", "cluster-a"));

        assertEquals(two.caCerts("cluster-a"), three.caCerts("cluster-a"));
        assertEquals(two.caCerts("cluster-b"), three.caCerts("cluster-b"));
        assertNotEquals(three.caCerts("cluster-a").caKeyPem(), three.caCerts("cluster-c").caKeyPem());
    }

    @Test
    void validityComesFromTheSettingsNotTheClock() {
        TrustSettings settings = TrustFixtures.fixedSettings(KeyAlgorithm.EC_P256);
        MeshTrust trust = MeshTrust.issue(settings, TrustFixtures.seed("clock"), TrustFixtures.clusters("cluster-a"));
        X509Certificate root = Certificates.parsePem(trust.rootCertPem()).get(0);
        X509Certificate intermediate = Certificates.parsePem(trust.caCerts("cluster-a").caCertPem()).get(0);

        assertEquals(TrustFixtures.FIXED_START, root.getNotBefore().toInstant());
        assertEquals(TrustFixtures.FIXED_START.plus(settings.rootValidity()), root.getNotAfter().toInstant());
        assertEquals(TrustFixtures.FIXED_START, intermediate.getNotBefore().toInstant());
        assertEquals(TrustFixtures.FIXED_START.plus(settings.intermediateValidity()),
                intermediate.getNotAfter().toInstant());
    }

    private static void assertChainsTo(String chainPem, String rootPem) throws Exception {
        List<X509Certificate> chain = new ArrayList<>(Certificates.parsePem(chainPem));
        chain.remove(chain.size() - 1);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(Certificates.parsePem(rootPem).get(0), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(java.util.Date.from(TrustFixtures.FIXED_START.plus(Duration.ofDays(1))));
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
    }

    /**
     * The same issuance in a fresh JVM whose locale uses Thai digits and the Buddhist calendar, in
     * another time zone and with CRLF line separators, none of which may change a byte.
     */
    private static String digestInChildJvm(TrustSeed seed, KeyAlgorithm algorithm, TrustSettings settings,
            int intermediateEpoch) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=th", "-Duser.country=TH", "-Duser.variant=TH",
                "-Duser.timezone=Pacific/Chatham", "-Dline.separator=\r\n",
                "-cp", System.getProperty("java.class.path"),
                PemDigestMain.class.getName(),
                algorithm.name(), settings.notBefore().toString(), Integer.toString(intermediateEpoch)));
        command.addAll(List.of(CLUSTERS));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put(TrustSeed.ENVIRONMENT_VARIABLE, seed.toBase64());
        Process child = builder.start();
        child.getOutputStream().close();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish in 120 s");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.exitValue(), output);
        return output;
    }
}
