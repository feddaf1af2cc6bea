package io.meshfed.trust;

import java.util.Objects;

/**
 * A root CA brought by the user instead of one derived from the seed: a self-signed CA
 * certificate and its unencrypted private key (PKCS#8, SEC1 "EC PRIVATE KEY" or PKCS#1 "RSA
 * PRIVATE KEY"; EC keys on P-256 or P-384, RSA keys of at least 2048 bits).
 */
public record ProvidedRoot(String certPem, SecretPem keyPem) {
    public ProvidedRoot {
        Objects.requireNonNull(certPem, "certPem");
        Objects.requireNonNull(keyPem, "keyPem");
    }
}
