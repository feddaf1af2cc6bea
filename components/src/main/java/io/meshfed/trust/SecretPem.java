package io.meshfed.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** A PEM holding private key material; {@link #toString()} never shows it. */
public final class SecretPem {
    private final String pem;

    public SecretPem(String pem) {
        this.pem = Objects.requireNonNull(pem, "pem");
    }

    public static SecretPem of(String pem) {
        return new SecretPem(pem);
    }

    /** The PEM text. Call it only where the key must leave the process (the cacerts Secret). */
    public String reveal() {
        return pem;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretPem that
                && MessageDigest.isEqual(
                        pem.getBytes(StandardCharsets.UTF_8), that.pem.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return pem.hashCode();
    }

    @Override
    public String toString() {
        return "<redacted>";
    }
}
