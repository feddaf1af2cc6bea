package io.meshfed.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** SHA-256 over every PEM a {@link MeshTrust} renders, in a fixed order. */
final class TrustDigest {
    private TrustDigest() {
    }

    static String of(MeshTrust trust) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            update(sha256, trust.rootCertPem());
            for (ClusterIdentity cluster : trust.clusters()) {
                update(sha256, cluster.cluster());
                for (Map.Entry<String, String> entry : trust.caCerts(cluster.cluster()).revealSecretData().entrySet()) {
                    update(sha256, entry.getKey());
                    update(sha256, entry.getValue());
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
