package io.meshfed.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Inputs shared by the trust tests. */
final class TrustFixtures {
    /** A fixed start for tests that compare PEM bytes; tests that handshake use {@link #recentStart()}. */
    static final Instant FIXED_START = Instant.parse("2025-01-01T00:00:00Z");
    static final Duration LONG = Duration.ofDays(3650);

    private TrustFixtures() {
    }

    /** A seed that differs per name and stays the same between runs. */
    static TrustSeed seed(String name) {
        try {
            byte[] bytes = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return TrustSeed.fromBase64(Base64.getEncoder().encodeToString(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** Yesterday at midnight UTC, so certificates issued from it are valid while the test runs. */
    static Instant recentStart() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    }

    static TrustSettings currentSettings(KeyAlgorithm algorithm) {
        return TrustSettings.defaults(recentStart()).withKeyAlgorithm(algorithm);
    }

    static TrustSettings fixedSettings(KeyAlgorithm algorithm) {
        return TrustSettings.defaults(FIXED_START).withKeyAlgorithm(algorithm);
    }

    /** Clusters named as given, each in trust domain {@code <name>.local}. */
    static List<ClusterIdentity> clusters(String... names) {
        return Arrays.stream(names).map(name -> new ClusterIdentity(name, name + ".local")).toList();
    }
}
