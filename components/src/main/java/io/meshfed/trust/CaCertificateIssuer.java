package io.meshfed.trust;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

/**
 * Builds root and intermediate CA certificates in Istio's plugged-in CA reference profile: critical
 * {@code CA:true} (intermediates {@code pathlen:0}), critical key usage digitalSignature,
 * nonRepudiation, keyEncipherment, keyCertSign, no extended key usage (istiod verifies chains with
 * Go's x509, which would then demand serverAuth), intermediates with SAN
 * {@code DNS:istiod.istio-system.svc}.
 */
final class CaCertificateIssuer {
    static final String ISTIOD_DNS_NAME = "istiod.istio-system.svc";
    private static final KeyUsage CA_KEY_USAGE = new KeyUsage(KeyUsage.digitalSignature
            | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment | KeyUsage.keyCertSign);

    private CaCertificateIssuer() {
    }

    static CertificateAuthority root(X500Name subject, CaKeyPair keys, ValidityWindow validity, int epoch) {
        SubjectKeyIdentifier ski = new BcX509ExtensionUtils().createSubjectKeyIdentifier(keys.publicKey());
        X509v3CertificateBuilder builder = builder(subject, subject, keys, validity, epoch);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, CA_KEY_USAGE)
                    .addExtension(Extension.subjectKeyIdentifier, false, ski);
        } catch (CertIOException impossible) {
            throw new IllegalStateException("encoding a root CA extension failed", impossible);
        }
        return new CertificateAuthority(builder.build(keys.signer()), keys);
    }

    static CertificateAuthority intermediate(CertificateAuthority issuer, X500Name subject, CaKeyPair keys,
            ValidityWindow validity, int epoch) {
        SubjectKeyIdentifier ski = new BcX509ExtensionUtils().createSubjectKeyIdentifier(keys.publicKey());
        X509v3CertificateBuilder builder = builder(issuer.subject(), subject, keys, validity, epoch);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, CA_KEY_USAGE)
                    .addExtension(Extension.subjectKeyIdentifier, false, ski)
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new AuthorityKeyIdentifier(issuer.subjectKeyIdentifier().getKeyIdentifier()))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, ISTIOD_DNS_NAME)));
        } catch (CertIOException impossible) {
            throw new IllegalStateException("encoding an intermediate CA extension failed", impossible);
        }
        return new CertificateAuthority(builder.build(issuer.keys().signer()), keys);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, CaKeyPair keys,
            ValidityWindow validity, int epoch) {
        return new X509v3CertificateBuilder(issuer, SerialNumbers.forCa(issuer, subject, epoch),
                CertificateTimes.encode(validity.notBefore()), CertificateTimes.encode(validity.notAfter()),
                subject, keys.publicKey());
    }
}
