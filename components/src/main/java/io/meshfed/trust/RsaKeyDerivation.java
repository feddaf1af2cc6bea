package io.meshfed.trust;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.math.Primes;

/**
 * RSA key generation driven only by the given deterministic random source, written out here
 * (FIPS 186-4 B.3.3 style: random odd candidates with the top two bits set, trial division,
 * Miller-Rabin) rather than delegated to a library generator whose internals may change between
 * versions and would then silently re-roll every derived key.
 */
final class RsaKeyDerivation {
    static final BigInteger PUBLIC_EXPONENT = BigInteger.valueOf(65537);
    private static final AlgorithmIdentifier RSA_ENCRYPTION =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);

    private RsaKeyDerivation() {
    }

    static CaKeyPair derive(SecureRandom deterministic, int modulusBits) {
        int primeBits = modulusBits / 2;
        while (true) {
            BigInteger p = prime(deterministic, primeBits);
            BigInteger q = prime(deterministic, primeBits);
            // FIPS 186-4 B.3.3 step 5.4: p and q must not be close, or n is easy to factor.
            if (p.subtract(q).abs().bitLength() <= primeBits - 100) {
                continue;
            }
            if (p.compareTo(q) < 0) {
                BigInteger swap = p;
                p = q;
                q = swap;
            }
            BigInteger pMinus1 = p.subtract(BigInteger.ONE);
            BigInteger qMinus1 = q.subtract(BigInteger.ONE);
            BigInteger lambda = pMinus1.divide(pMinus1.gcd(qMinus1)).multiply(qMinus1);
            BigInteger d = PUBLIC_EXPONENT.modInverse(lambda);
            if (d.bitLength() <= primeBits) {
                continue;
            }
            return keyPair(new RSAPrivateCrtKeyParameters(p.multiply(q), PUBLIC_EXPONENT, d, p, q,
                    d.mod(pMinus1), d.mod(qMinus1), q.modInverse(p)));
        }
    }

    static CaKeyPair keyPair(RSAPrivateCrtKeyParameters key) {
        try {
            PrivateKeyInfo pkcs8 = new PrivateKeyInfo(RSA_ENCRYPTION, new RSAPrivateKey(key.getModulus(),
                    key.getPublicExponent(), key.getExponent(), key.getP(), key.getQ(), key.getDP(),
                    key.getDQ(), key.getQInv()));
            SubjectPublicKeyInfo publicKey = new SubjectPublicKeyInfo(RSA_ENCRYPTION,
                    new RSAPublicKey(key.getModulus(), key.getPublicExponent()));
            return new CaKeyPair(key, pkcs8, publicKey, SignatureScheme.RSA_PKCS1_SHA256);
        } catch (IOException impossible) {
            throw new IllegalStateException("encoding an RSA key failed", impossible);
        }
    }

    private static BigInteger prime(SecureRandom random, int bits) {
        byte[] candidate = new byte[(bits + 7) / 8];
        int excessBits = candidate.length * 8 - bits;
        while (true) {
            random.nextBytes(candidate);
            candidate[0] &= (byte) (0xFF >>> excessBits);
            // Top two bits set so that p * q has exactly 2 * bits bits.
            candidate[0] |= (byte) (0xC0 >>> excessBits);
            candidate[candidate.length - 1] |= 1;
            BigInteger c = new BigInteger(1, candidate);
            if (c.mod(PUBLIC_EXPONENT).equals(BigInteger.ONE) || Primes.hasAnySmallFactors(c)) {
                continue;
            }
            if (Primes.isMRProbablePrime(c, random, millerRabinRounds(bits))) {
                return c;
            }
        }
    }

    /** FIPS 186-4 table C.3, error probability 2^-100. */
    private static int millerRabinRounds(int primeBits) {
        return primeBits >= 1536 ? 4 : 5;
    }
}
