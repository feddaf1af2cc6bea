package io.meshfed.trust;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.SP800SecureRandomBuilder;

/**
 * Derives CA keys from the trust seed: HKDF-SHA256 (RFC 5869) with a fixed salt and, as info,
 * {@code <algorithm>:<label>} where the label names the CA ({@code root/<epoch>},
 * {@code intermediate/<cluster>/<epoch>}). EC scalars come straight from HKDF output; RSA keys from
 * an HMAC-DRBG (SP 800-90A) instantiated with HKDF output.
 */
final class SeedKeyDerivation {
    private static final byte[] SALT = "meshfed/trust/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int DRBG_ENTROPY_BYTES = 32;
    private static final int DRBG_NONCE_BYTES = 16;

    private final byte[] pseudoRandomKey;

    SeedKeyDerivation(TrustSeed seed) {
        byte[] ikm = seed.bytes();
        this.pseudoRandomKey = new HKDFBytesGenerator(new SHA256Digest()).extractPRK(SALT, ikm);
        Arrays.fill(ikm, (byte) 0);
    }

    static String rootLabel(int rootEpoch) {
        return "root/" + rootEpoch;
    }

    static String intermediateLabel(String cluster, int intermediateEpoch) {
        return "intermediate/" + cluster + "/" + intermediateEpoch;
    }

    CaKeyPair keyPair(String label, KeyAlgorithm algorithm) {
        String info = algorithm.derivationId() + ":" + label;
        if (algorithm.isEc()) {
            EcCurve curve = EcCurve.of(algorithm);
            return curve.keyPair(curve.scalarFromUniformBytes(expand(info, curve.uniformInputLength())));
        }
        return RsaKeyDerivation.derive(drbg(info), algorithm.bits());
    }

    byte[] expand(String info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(HKDFParameters.skipExtractParameters(pseudoRandomKey, info.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    private SecureRandom drbg(String info) {
        byte[] material = expand(info, DRBG_ENTROPY_BYTES + DRBG_NONCE_BYTES);
        byte[] entropy = Arrays.copyOfRange(material, 0, DRBG_ENTROPY_BYTES);
        byte[] nonce = Arrays.copyOfRange(material, DRBG_ENTROPY_BYTES, material.length);
        return new SP800SecureRandomBuilder(bits -> new OneShotEntropy(entropy))
                .setSecurityStrength(256)
                .setEntropyBitsRequired(256)
                .setPersonalizationString(info.getBytes(StandardCharsets.UTF_8))
                .buildHMAC(new HMac(new SHA256Digest()), nonce, false);
    }

    /**
     * Entropy for exactly one DRBG instantiation. A reseed (after 2^48 requests, which a key
     * generation never reaches) would fail loudly instead of silently breaking determinism.
     */
    private static final class OneShotEntropy implements EntropySource {
        private byte[] entropy;

        OneShotEntropy(byte[] entropy) {
            this.entropy = entropy;
        }

        @Override
        public boolean isPredictionResistant() {
            return false;
        }

        @Override
        public byte[] getEntropy() {
            if (entropy == null) {
                throw new IllegalStateException("deterministic DRBG asked to reseed");
            }
            byte[] once = entropy;
            entropy = null;
            return once;
        }

        @Override
        public int entropySize() {
            return DRBG_ENTROPY_BYTES * 8;
        }
    }

    @Override
    public String toString() {
        return "SeedKeyDerivation[<redacted>]";
    }
}
