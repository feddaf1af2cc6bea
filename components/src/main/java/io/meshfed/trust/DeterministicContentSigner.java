package io.meshfed.trust;

import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.io.SignerOutputStream;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.operator.ContentSigner;

/**
 * A {@link ContentSigner} over Bouncy Castle's lightweight signers, because the JCA route has no
 * RFC 6979 ECDSA ("SHA256withECDDSA" is unknown to {@code JcaContentSignerBuilder}).
 */
final class DeterministicContentSigner implements ContentSigner {
    private final SignatureScheme scheme;
    private final Signer signer;
    private final SignerOutputStream stream;

    DeterministicContentSigner(SignatureScheme scheme, AsymmetricKeyParameter privateKey) {
        this.scheme = scheme;
        this.signer = scheme.newSigner();
        this.signer.init(true, privateKey);
        this.stream = new SignerOutputStream(signer);
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return scheme.algorithmIdentifier();
    }

    @Override
    public OutputStream getOutputStream() {
        return stream;
    }

    @Override
    public byte[] getSignature() {
        try {
            return signer.generateSignature();
        } catch (CryptoException failed) {
            throw new IllegalStateException(scheme + " signature failed: " + failed.getClass().getSimpleName());
        }
    }
}
