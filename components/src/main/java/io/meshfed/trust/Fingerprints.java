package io.meshfed.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

final class Fingerprints {
    private Fingerprints() {
    }

    /** Lowercase hex SHA-256, as {@code openssl x509 -fingerprint -sha256} shows it without colons. */
    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", impossible);
        }
    }
}
