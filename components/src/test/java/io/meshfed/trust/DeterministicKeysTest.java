package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** The key derivation and the deterministic signatures underneath the PEMs. */
class DeterministicKeysTest {
    private final SeedKeyDerivation derivation = new SeedKeyDerivation(TrustFixtures.seed("keys"));

    /** RFC 6979 appendix A.2.5: P-256, SHA-256, message "sample". */
    @Test
    void ecdsaSignaturesFollowRfc6979() throws Exception {
        CaKeyPair keys = EcCurve.P256.keyPair(
                new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16));

        byte[] expectedPoint = Hex.decode("04"
                + "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6"
                + "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299");
        assertArrayEquals(expectedPoint, keys.publicKey().getPublicKeyData().getOctets());

        ASN1Sequence signature = ASN1Sequence.getInstance(sign(keys, "sample"));
        assertEquals(new BigInteger("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716", 16),
                ASN1Integer.getInstance(signature.getObjectAt(0)).getValue());
        assertEquals(new BigInteger("F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8", 16),
                ASN1Integer.getInstance(signature.getObjectAt(1)).getValue());
    }

    @Test
    void derivedEcKeysSignWhatTheJcaVerifies() throws Exception {
        for (KeyAlgorithm algorithm : new KeyAlgorithm[] {KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384}) {
            CaKeyPair keys = derivation.keyPair("root/0", algorithm);
            String jcaName = algorithm == KeyAlgorithm.EC_P256 ? "SHA256withECDSA" : "SHA384withECDSA";
            assertJcaVerifies(keys, jcaName, "EC");
            assertArrayEquals(sign(keys, "same input"), sign(keys, "same input"), "RFC 6979 is deterministic");
        }
    }

    @Test
    void labelsAndAlgorithmsSeparateTheDerivedKeys() {
        byte[] root = derivation.keyPair("root/0", KeyAlgorithm.EC_P256).publicKey().getPublicKeyData().getBytes();
        byte[] sameAgain = derivation.keyPair("root/0", KeyAlgorithm.EC_P256).publicKey().getPublicKeyData().getBytes();
        byte[] nextEpoch = derivation.keyPair("root/1", KeyAlgorithm.EC_P256).publicKey().getPublicKeyData().getBytes();
        byte[] intermediate = derivation.keyPair(SeedKeyDerivation.intermediateLabel("root", 0), KeyAlgorithm.EC_P256)
                .publicKey().getPublicKeyData().getBytes();

        assertArrayEquals(root, sameAgain);
        assertFalse(Arrays.equals(root, nextEpoch));
        assertFalse(Arrays.equals(root, intermediate));
        assertFalse(Arrays.equals(derivation.expand("ec-p256:root/0", 32), derivation.expand("ec-p384:root/0", 32)));
    }

    @Test
    void derivedRsaKeysAreConsistentAndDeterministic() throws Exception {
        CaKeyPair keys = derivation.keyPair("root/0", KeyAlgorithm.RSA_3072);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) Certificates.parsePrivateKey(keys.privateKeyPem(), "RSA");
        BigInteger p = key.getPrimeP();
        BigInteger q = key.getPrimeQ();
        BigInteger one = BigInteger.ONE;

        assertEquals(3072, key.getModulus().bitLength());
        assertEquals(p.multiply(q), key.getModulus());
        assertTrue(p.isProbablePrime(64) && q.isProbablePrime(64));
        assertEquals(1536, p.bitLength());
        assertEquals(1536, q.bitLength());
        BigInteger lambda = p.subtract(one).multiply(q.subtract(one)).divide(p.subtract(one).gcd(q.subtract(one)));
        assertEquals(one, key.getPublicExponent().multiply(key.getPrivateExponent()).mod(lambda));
        assertEquals(key.getPrivateExponent().mod(p.subtract(one)), key.getPrimeExponentP());
        assertEquals(key.getPrivateExponent().mod(q.subtract(one)), key.getPrimeExponentQ());
        assertEquals(one, q.multiply(key.getCrtCoefficient()).mod(p));
        assertJcaVerifies(keys, "SHA256withRSA", "RSA");

        assertEquals(keys.privateKeyPem(), derivation.keyPair("root/0", KeyAlgorithm.RSA_3072).privateKeyPem());
    }

    private static byte[] sign(CaKeyPair keys, String message) throws Exception {
        ContentSigner signer = keys.signer();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(message.getBytes(StandardCharsets.UTF_8));
        }
        return signer.getSignature();
    }

    private static void assertJcaVerifies(CaKeyPair keys, String signatureAlgorithm, String keyAlgorithm) throws Exception {
        PublicKey publicKey = KeyFactory.getInstance(keyAlgorithm)
                .generatePublic(new X509EncodedKeySpec(keys.publicKey().getEncoded()));
        byte[] signature = sign(keys, "verify me");
        Signature verifier = Signature.getInstance(signatureAlgorithm);
        verifier.initVerify(publicKey);
        verifier.update("verify me".getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(signature), signatureAlgorithm);
        verifier.initVerify(publicKey);
        verifier.update("verify mE".getBytes(StandardCharsets.UTF_8));
        assertFalse(verifier.verify(signature), "tampered message must not verify");
    }
}
