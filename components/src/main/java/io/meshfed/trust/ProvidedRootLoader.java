package io.meshfed.trust;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Turns a user-provided root (PEM certificate + key) into a {@link CertificateAuthority}, checking
 * that it can act as the mesh's root. Error messages never quote the key, and key parsing errors
 * are not chained: their messages could carry fragments of it.
 */
final class ProvidedRootLoader {
    private static final int MIN_RSA_BITS = 2048;
    private static final String KEY = "providedRoot.keyPem";

    private ProvidedRootLoader() {
    }

    static CertificateAuthority load(ProvidedRoot provided) {
        List<X509CertificateHolder> certificates = Pem.readCertificates(provided.certPem(), "providedRoot.certPem");
        if (certificates.size() != 1) {
            throw new IllegalArgumentException(
                    "providedRoot.certPem: expected exactly one certificate, found " + certificates.size());
        }
        X509CertificateHolder certificate = certificates.get(0);
        requireSelfSignedCa(certificate);
        CaKeyPair keys = keyPair(readPrivateKey(provided.keyPem(), KEY), KEY);
        if (!samePublicKey(keys.publicKey(), certificate.getSubjectPublicKeyInfo())) {
            throw new IllegalArgumentException(
                    "providedRoot.keyPem: the private key does not belong to the certificate in providedRoot.certPem");
        }
        return new CertificateAuthority(certificate, keys);
    }

    private static void requireSelfSignedCa(X509CertificateHolder certificate) {
        String subject = certificate.getSubject().toString();
        BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
        if (constraints == null || !constraints.isCA()) {
            throw new IllegalArgumentException("providedRoot.certPem: " + subject
                    + " is not a CA certificate (basicConstraints CA:TRUE missing)");
        }
        BigInteger pathLength = constraints.getPathLenConstraint();
        if (pathLength != null && pathLength.signum() == 0) {
            throw new IllegalArgumentException("providedRoot.certPem: " + subject
                    + " has pathlen:0, so it cannot sign the per-cluster intermediates");
        }
        KeyUsage usage = KeyUsage.fromExtensions(certificate.getExtensions());
        if (usage != null && !usage.hasUsages(KeyUsage.keyCertSign)) {
            throw new IllegalArgumentException("providedRoot.certPem: " + subject + " lacks keyUsage keyCertSign");
        }
        if (!certificate.getIssuer().equals(certificate.getSubject()) || !selfSignatureValid(certificate)) {
            throw new IllegalArgumentException("providedRoot.certPem: " + subject
                    + " is not self-signed; provide the root of the hierarchy");
        }
    }

    private static boolean selfSignatureValid(X509CertificateHolder certificate) {
        try {
            return certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().build(certificate));
        } catch (Exception unverifiable) {
            return false;
        }
    }

    static PrivateKeyInfo readPrivateKey(SecretPem keyPem, String what) {
        for (Object block : pemBlocks(keyPem, what)) {
            if (block instanceof PrivateKeyInfo info) {
                return info;
            }
            if (block instanceof PEMKeyPair pair) {
                return pair.getPrivateKeyInfo();
            }
            if (block instanceof PKCS8EncryptedPrivateKeyInfo || block instanceof PEMEncryptedKeyPair) {
                throw new IllegalArgumentException(what + ": encrypted keys are not supported; "
                        + "provide the unencrypted key as a secret");
            }
            // Anything else (e.g. the EC PARAMETERS block `openssl ecparam -genkey` writes) is skipped.
        }
        throw new IllegalArgumentException(what + ": no private key found");
    }

    private static List<Object> pemBlocks(SecretPem keyPem, String what) {
        List<Object> blocks = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(keyPem.reveal()))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException unreadable) {
            throw unreadableKey(unreadable, what);
        }
        return blocks;
    }

    static CaKeyPair keyPair(PrivateKeyInfo info, String what) {
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        if (algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            EcCurve curve = algorithm.getParameters() instanceof ASN1ObjectIdentifier oid
                    ? EcCurve.byOid(oid).orElse(null)
                    : null;
            if (curve == null) {
                throw new IllegalArgumentException(what + ": EC keys must use the named curve P-256 or P-384");
            }
            BigInteger d;
            try {
                d = ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
            } catch (IOException | RuntimeException malformed) {
                throw unreadableKey(malformed, what);
            }
            return curve.keyPair(d);
        }
        if (algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
            RSAPrivateKey rsa;
            try {
                rsa = RSAPrivateKey.getInstance(info.parsePrivateKey());
            } catch (IOException | RuntimeException malformed) {
                throw unreadableKey(malformed, what);
            }
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException(what + ": RSA keys need at least " + MIN_RSA_BITS + " bits");
            }
            return RsaKeyDerivation.keyPair(new RSAPrivateCrtKeyParameters(rsa.getModulus(), rsa.getPublicExponent(),
                    rsa.getPrivateExponent(), rsa.getPrime1(), rsa.getPrime2(), rsa.getExponent1(),
                    rsa.getExponent2(), rsa.getCoefficient()));
        }
        throw new IllegalArgumentException(what + ": unsupported key algorithm "
                + algorithm.getAlgorithm() + " (EC P-256/P-384 or RSA)");
    }

    /** Deliberately without the cause: parser messages may quote the key's bytes. */
    private static IllegalArgumentException unreadableKey(Exception failure, String what) {
        return new IllegalArgumentException(what + ": not a readable unencrypted PEM private key ("
                + failure.getClass().getSimpleName() + ")");
    }

    static boolean samePublicKey(SubjectPublicKeyInfo derived, SubjectPublicKeyInfo declared) {
        try {
            if (derived.getAlgorithm().getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                if (!derived.getAlgorithm().equals(declared.getAlgorithm())) {
                    return false;
                }
                ASN1ObjectIdentifier curveOid = (ASN1ObjectIdentifier) derived.getAlgorithm().getParameters();
                EcCurve curve = EcCurve.byOid(curveOid).orElseThrow();
                return curve.decodePoint(derived.getPublicKeyData().getOctets())
                        .equals(curve.decodePoint(declared.getPublicKeyData().getOctets()));
            }
            if (!declared.getAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
                return false;
            }
            RSAPublicKey a = RSAPublicKey.getInstance(derived.parsePublicKey());
            RSAPublicKey b = RSAPublicKey.getInstance(declared.parsePublicKey());
            return a.getModulus().equals(b.getModulus()) && a.getPublicExponent().equals(b.getPublicExponent());
        } catch (IOException | RuntimeException malformed) {
            return false;
        }
    }
}
