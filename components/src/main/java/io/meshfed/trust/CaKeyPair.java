package io.meshfed.trust;

import java.io.IOException;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.operator.ContentSigner;

/** A CA's key pair, held as Bouncy Castle lightweight parameters; never printed. */
final class CaKeyPair {
    private final AsymmetricKeyParameter privateKey;
    private final PrivateKeyInfo privateKeyInfo;
    private final SubjectPublicKeyInfo publicKey;
    private final SignatureScheme scheme;

    CaKeyPair(AsymmetricKeyParameter privateKey, PrivateKeyInfo privateKeyInfo,
            SubjectPublicKeyInfo publicKey, SignatureScheme scheme) {
        this.privateKey = Objects.requireNonNull(privateKey);
        this.privateKeyInfo = Objects.requireNonNull(privateKeyInfo);
        this.publicKey = Objects.requireNonNull(publicKey);
        this.scheme = Objects.requireNonNull(scheme);
    }

    ContentSigner signer() {
        return new DeterministicContentSigner(scheme, privateKey);
    }

    SubjectPublicKeyInfo publicKey() {
        return publicKey;
    }

    SignatureScheme scheme() {
        return scheme;
    }

    byte[] pkcs8() {
        try {
            return privateKeyInfo.getEncoded(ASN1Encoding.DER);
        } catch (IOException impossible) {
            throw new IllegalStateException("DER encoding of a private key failed", impossible);
        }
    }

    SecretPem privateKeyPem() {
        return new SecretPem(Pem.encode(Pem.PRIVATE_KEY, pkcs8()));
    }

    @Override
    public String toString() {
        return "CaKeyPair[" + scheme + ", <redacted>]";
    }
}
