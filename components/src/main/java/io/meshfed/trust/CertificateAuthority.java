package io.meshfed.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

/** A CA certificate together with the key that signs under it. */
final class CertificateAuthority {
    private final X509CertificateHolder certificate;
    private final CaKeyPair keys;
    private final String certificatePem;

    CertificateAuthority(X509CertificateHolder certificate, CaKeyPair keys) {
        this.certificate = certificate;
        this.keys = keys;
        this.certificatePem = Pem.encode(Pem.CERTIFICATE, der(certificate));
    }

    X509CertificateHolder certificate() {
        return certificate;
    }

    CaKeyPair keys() {
        return keys;
    }

    X500Name subject() {
        return certificate.getSubject();
    }

    String certificatePem() {
        return certificatePem;
    }

    ValidityWindow validity() {
        return new ValidityWindow(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    /** The certificate's own SKI when it has one (provided roots), else the RFC 5280 method-1 hash. */
    SubjectKeyIdentifier subjectKeyIdentifier() {
        SubjectKeyIdentifier declared = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions());
        return declared != null
                ? declared
                : new BcX509ExtensionUtils().createSubjectKeyIdentifier(certificate.getSubjectPublicKeyInfo());
    }

    String fingerprintSha256() {
        return Fingerprints.sha256Hex(der(certificate));
    }

    static byte[] der(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException impossible) {
            throw new UncheckedIOException("DER encoding of a certificate failed", impossible);
        }
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate.getSubject() + ", sha256=" + fingerprintSha256() + "]";
    }
}
