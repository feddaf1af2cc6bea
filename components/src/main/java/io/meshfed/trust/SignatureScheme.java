package io.meshfed.trust;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/** The deterministic signature a CA key makes: RFC 6979 ECDSA, or RSA PKCS#1 v1.5. */
enum SignatureScheme {
    ECDSA_SHA256(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256)) {
        @Override
        Signer newSigner() {
            return new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())), new SHA256Digest());
        }
    },
    ECDSA_SHA384(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384)) {
        @Override
        Signer newSigner() {
            return new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA384Digest())), new SHA384Digest());
        }
    },
    RSA_PKCS1_SHA256(new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE)) {
        @Override
        Signer newSigner() {
            return new RSADigestSigner(new SHA256Digest());
        }
    };

    private final AlgorithmIdentifier algorithmIdentifier;

    SignatureScheme(AlgorithmIdentifier algorithmIdentifier) {
        this.algorithmIdentifier = algorithmIdentifier;
    }

    AlgorithmIdentifier algorithmIdentifier() {
        return algorithmIdentifier;
    }

    abstract Signer newSigner();
}
