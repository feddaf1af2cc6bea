package io.meshfed.trust;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The two curves Istio's CA supports. Keys are encoded with the named-curve OID (SunEC, and with
 * it JSSE, rejects explicit curve parameters).
 */
enum EcCurve {
    P256(SECObjectIdentifiers.secp256r1, SignatureScheme.ECDSA_SHA256),
    P384(SECObjectIdentifiers.secp384r1, SignatureScheme.ECDSA_SHA384);

    private final ASN1ObjectIdentifier oid;
    private final SignatureScheme scheme;
    private volatile ECNamedDomainParameters domain;

    EcCurve(ASN1ObjectIdentifier oid, SignatureScheme scheme) {
        this.oid = oid;
        this.scheme = scheme;
    }

    /** Built on first use: a mesh on P-256 should not pay for setting up P-384. */
    private ECNamedDomainParameters domain() {
        ECNamedDomainParameters built = domain;
        if (built == null) {
            synchronized (this) {
                built = domain;
                if (built == null) {
                    built = new ECNamedDomainParameters(oid, CustomNamedCurves.getByOID(oid));
                    domain = built;
                }
            }
        }
        return built;
    }

    static EcCurve of(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case EC_P256 -> P256;
            case EC_P384 -> P384;
            default -> throw new IllegalArgumentException(algorithm + " is not an EC algorithm");
        };
    }

    static Optional<EcCurve> byOid(ASN1ObjectIdentifier oid) {
        return Arrays.stream(values()).filter(curve -> curve.oid.equals(oid)).findFirst();
    }

    /** Bytes of uniform input {@link #scalarFromUniformBytes} needs: the order's size plus 64 bits. */
    int uniformInputLength() {
        return (domain().getN().bitLength() + 7) / 8 + 8;
    }

    /**
     * FIPS 186-5 A.2.1 ("extra random bits"): {@code d = (c mod (n - 1)) + 1}; the 64 surplus bits
     * make the bias negligible.
     */
    BigInteger scalarFromUniformBytes(byte[] uniform) {
        BigInteger n = domain().getN();
        return new BigInteger(1, uniform).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    }

    CaKeyPair keyPair(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(domain().getN()) >= 0) {
            throw new IllegalArgumentException("EC private scalar out of range for " + this);
        }
        byte[] point = publicPoint(d).getEncoded(false);
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, oid);
        try {
            PrivateKeyInfo pkcs8 = new PrivateKeyInfo(algorithm,
                    new ECPrivateKey(domain().getN().bitLength(), d, new DERBitString(point), null));
            return new CaKeyPair(new ECPrivateKeyParameters(d, domain()), pkcs8,
                    new SubjectPublicKeyInfo(algorithm, point), scheme);
        } catch (IOException impossible) {
            throw new IllegalStateException("encoding an EC key failed", impossible);
        }
    }

    ECPoint publicPoint(BigInteger d) {
        return new FixedPointCombMultiplier().multiply(domain().getG(), d).normalize();
    }

    ECPoint decodePoint(byte[] encoded) {
        return domain().getCurve().decodePoint(encoded);
    }
}
