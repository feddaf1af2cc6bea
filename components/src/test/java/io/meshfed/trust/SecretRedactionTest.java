package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No toString and no exception message of the trust package shows private key material. */
class SecretRedactionTest {
    private static final int WINDOW = 12;

    private final TrustSeed seed = TrustFixtures.seed("redaction");
    private final MeshTrust trust = MeshTrust.issue(TrustFixtures.currentSettings(KeyAlgorithm.EC_P256), seed,
            TrustFixtures.clusters("cluster-a"));
    private final CaCerts caCerts = trust.caCerts("cluster-a");

    @Test
    void secretPemPrintsAsRedacted() {
        SecretPem key = caCerts.caKeyPem();
        assertEquals("<redacted>", key.toString());
        assertNoSecret(String.valueOf(key), secretsOfKey(key));
        assertNoSecret("" + key + List.of(key), secretsOfKey(key));
    }

    @Test
    void trustSeedPrintsWithoutItsBytes() {
        List<String> secrets = List.of(seed.toBase64(), HexFormat.of().formatHex(Base64.getDecoder().decode(seed.toBase64())));
        assertNoSecret(seed.toString(), secrets);
        assertNoSecret(String.valueOf(List.of(seed)), secrets);
    }

    @Test
    void caCertsPrintsWithoutTheCaKey() {
        List<String> secrets = secretsOfKey(caCerts.caKeyPem());
        assertNoSecret(caCerts.toString(), secrets);
        assertNoSecret(trust.toString(), secrets);
        assertNoSecret(trust.expiry(Instant.now(), Duration.ofDays(30)).render(), secrets);
        assertNoSecret(trust.expiry(Instant.now(), Duration.ofDays(30)).toString(), secrets);
    }

    @Test
    void workloadCertificatePrintsWithoutItsKey() {
        WorkloadCertificate workload = trust.issueWorkload("cluster-a", "default", "reviews", Instant.now(), Duration.ofHours(1));
        assertNoSecret(workload.toString(), secretsOfKey(workload.privateKeyPem()));
    }

    @Test
    void providedRootAndSettingsPrintWithoutTheRootKey() {
        ProvidedRoot provided = ProvidedRoots.ecRoot("Corp Root");
        SecretPem rootKey = provided.keyPem();
        TrustSettings settings = TrustFixtures.currentSettings(KeyAlgorithm.EC_P256).withProvidedRoot(provided);
        assertNoSecret(provided.toString(), secretsOfKey(rootKey));
        assertNoSecret(settings.toString(), secretsOfKey(rootKey));
    }

    @Test
    void badSeedsAreRejectedWithoutQuotingThem() {
        String almostASeed = seed.toBase64().substring(0, 40) + "!" + seed.toBase64().substring(41);
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class, () -> TrustSeed.fromBase64(almostASeed));
        assertNoSecret(messages(notBase64), List.of(almostASeed));

        String tooShort = seed.toBase64().substring(0, 24);
        IllegalArgumentException shortSeed = assertThrows(IllegalArgumentException.class, () -> TrustSeed.fromBase64(tooShort));
        assertNoSecret(messages(shortSeed), List.of(tooShort));
    }

    @Test
    void aMismatchedOrBrokenProvidedKeyIsRejectedWithoutQuotingIt() {
        ProvidedRoot root = ProvidedRoots.ecRoot("Corp Root");
        SecretPem otherKey = ProvidedRoots.ecRoot("Other Root").keyPem();
        TrustSettings mismatched = TrustFixtures.currentSettings(KeyAlgorithm.EC_P256)
                .withProvidedRoot(new ProvidedRoot(root.certPem(), otherKey));
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> MeshTrust.issue(mismatched, seed, TrustFixtures.clusters("cluster-a")));
        assertNoSecret(messages(mismatch), secretsOfKey(otherKey));

        String pem = root.keyPem().reveal();
        String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END"));
        SecretPem garbled = new SecretPem("-----BEGIN PRIVATE KEY-----\n" + body.substring(0, body.length() / 2)
                + "\n-----END PRIVATE KEY-----\n");
        TrustSettings broken = TrustFixtures.currentSettings(KeyAlgorithm.EC_P256)
                .withProvidedRoot(new ProvidedRoot(root.certPem(), garbled));
        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class,
                () -> MeshTrust.issue(broken, seed, TrustFixtures.clusters("cluster-a")));
        assertNoSecret(messages(unreadable), secretsOfKey(root.keyPem()));
    }

    /** The key's base64 body and, for EC keys, its private scalar in hex and decimal. */
    private static List<String> secretsOfKey(SecretPem key) {
        List<String> secrets = new ArrayList<>();
        String pem = key.reveal();
        secrets.add(pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END")).replace("\n", ""));
        if (pem.contains("PRIVATE KEY") && !pem.contains("RSA")) {
            try {
                BigInteger scalar = ((ECPrivateKey) Certificates.parsePrivateKey(key, "EC")).getS();
                secrets.add(scalar.toString(16));
                secrets.add(scalar.toString());
            } catch (IllegalArgumentException notEc) {
                // RSA keys: the base64 body covers them.
            }
        }
        return secrets;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            all.append(current).append('\n');
        }
        return all.toString();
    }

    /** Fails if any {@value #WINDOW}-character slice of a secret appears in the text. */
    private static void assertNoSecret(String text, List<String> secrets) {
        for (String secret : secrets) {
            for (int start = 0; start + WINDOW <= secret.length(); start++) {
                String slice = secret.substring(start, start + WINDOW);
                assertFalse(text.contains(slice), () -> "secret material \"" + slice + "\" leaked into: " + text);
            }
        }
    }
}
