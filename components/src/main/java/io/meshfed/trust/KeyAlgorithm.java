package io.meshfed.trust;

/**
 * Key type of the CA keys meshfed derives. {@link #EC_P256} is the default.
 *
 * <p>The {@link #derivationId()} is part of the key derivation input, so it is pinned here rather
 * than taken from {@link #name()}: renaming a constant must never re-roll a mesh's keys.
 */
public enum KeyAlgorithm {
    EC_P256("ec-p256", 256),
    EC_P384("ec-p384", 384),
    RSA_3072("rsa-3072", 3072),
    RSA_4096("rsa-4096", 4096);

    private final String derivationId;
    private final int bits;

    KeyAlgorithm(String derivationId, int bits) {
        this.derivationId = derivationId;
        this.bits = bits;
    }

    public static KeyAlgorithm defaultAlgorithm() {
        return EC_P256;
    }

    public boolean isEc() {
        return this == EC_P256 || this == EC_P384;
    }

    /** Curve size for EC, modulus size for RSA. */
    public int bits() {
        return bits;
    }

    String derivationId() {
        return derivationId;
    }
}
