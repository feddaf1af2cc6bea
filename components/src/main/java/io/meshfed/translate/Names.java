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
        String plain = parts.length == 1 ? parts[0] : String.join("-", parts);
        if (plain.length() <= MAX && isDnsLabel(plain)) {
            return plain;
        }
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
        if (value.length() <= MAX && isLabelValue(value)) {
            return value;
        }
        String cleaned = value.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        if (cleaned.length() <= MAX) {
            return cleaned;
        }
        return cleaned.substring(0, MAX - HASH_CHARS - 1).replaceAll("[^A-Za-z0-9]+$", "") + "-" + sha256Hex(value).substring(0, HASH_CHARS);
    }

    /** True when the regular expressions of {@link #of} would leave the text as it is: [a-z0-9-], no "--", no dash at either end. */
    private static boolean isDnsLabel(String text) {
        if (text.isEmpty() || text.charAt(0) == '-' || text.charAt(text.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && text.charAt(i - 1) != '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** True when {@link #labelValue} would leave the text as it is: [A-Za-z0-9._-], alphanumeric at both ends. */
    private static boolean isLabelValue(String text) {
        if (text.isEmpty() || !isAlphanumeric(text.charAt(0)) || !isAlphanumeric(text.charAt(text.length() - 1))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
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
