package io.meshfed.translate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Deterministic DNS-1123 names of at most 63 characters; long names are cut and get a hash suffix. */
public final class Names {

    public static final int MAX = 63;
    private static final int HASH_CHARS = 10;

    private Names() {
    }

    public static String of(String... parts) {
        String joined = String.join("-", parts).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-").replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
        if (joined.isEmpty()) {
            joined = "x";
        }
        if (joined.length() <= MAX) {
            return joined;
        }
        String hash = sha256Hex(String.join("/", parts)).substring(0, HASH_CHARS);
        String head = joined.substring(0, MAX - HASH_CHARS - 1).replaceAll("-+$", "");
        return head + "-" + hash;
    }

    /** A label value: at most 63 characters of [A-Za-z0-9-_.], starting and ending alphanumeric. */
    public static String labelValue(String value) {
        if (value == null) {
            return "";
        }
        String cleaned = value.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        if (cleaned.length() <= MAX) {
            return cleaned;
        }
        return cleaned.substring(0, MAX - HASH_CHARS - 1).replaceAll("[^A-Za-z0-9]+$", "") + "-" + sha256Hex(value).substring(0, HASH_CHARS);
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
