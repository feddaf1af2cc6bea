package io.meshfed.trust;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The secret every seed-derived CA key comes from. Whoever holds it can rebuild every CA key of
 * the mesh, so it lives in a secret store; {@link #toString()} never shows it and no exception
 * message quotes it.
 */
public final class TrustSeed {
    public static final int GENERATED_LENGTH_BYTES = 32;
    public static final int MIN_LENGTH_BYTES = 32;
    public static final int MAX_LENGTH_BYTES = 64;
    public static final String PULUMI_CONFIG_KEY = "meshfed:trustSeed";
    public static final String ENVIRONMENT_VARIABLE = "MESHFED_TRUST_SEED";

    private final byte[] bytes;

    private TrustSeed(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Accepts standard or URL-safe base64, with or without padding, surrounding whitespace ignored. */
    public static TrustSeed fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("trust seed: empty");
        }
        String text = base64.strip();
        byte[] decoded;
        try {
            decoded = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            // The decoder's message quotes the offending character; the seed must not leak piecemeal.
            throw new IllegalArgumentException("trust seed: not valid base64");
        }
        if (decoded.length < MIN_LENGTH_BYTES || decoded.length > MAX_LENGTH_BYTES) {
            throw new IllegalArgumentException("trust seed: must decode to " + MIN_LENGTH_BYTES + " to "
                    + MAX_LENGTH_BYTES + " bytes, got " + decoded.length);
        }
        return new TrustSeed(decoded);
    }

    public static TrustSeed generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] fresh = new byte[GENERATED_LENGTH_BYTES];
        random.nextBytes(fresh);
        return new TrustSeed(fresh);
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The message to print once, right after {@link #generate}, and never again: it contains the
     * seed.
     */
    public String firstUseInstructions() {
        String seed = toBase64();
        return String.join("\n",
                "meshfed generated a new trust seed. Every CA key of this mesh is derived from it.",
                "It is shown only this once; store it now as a Pulumi secret:",
                "",
                "    pulumi config set --secret " + PULUMI_CONFIG_KEY + " " + seed,
                "",
                "or, for the CLI, in the environment:",
                "",
                "    export " + ENVIRONMENT_VARIABLE + "=" + seed,
                "",
                "Without the same seed the next run derives a different root, every cluster's",
                "istio-system/cacerts changes and cross-cluster mTLS breaks until all clusters are updated.",
                "Anyone holding the seed can issue certificates the mesh trusts: keep it secret.",
                "");
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrustSeed that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TrustSeed[<redacted>]";
    }
}
