package io.meshfed.trust;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Subject names after Istio's own cert tooling ({@code tools/certs}): {@code O=<org>, CN=Root CA}
 * and {@code O=<org>, CN=Intermediate CA, L=<cluster>}. Roots also carry their epoch, so the old
 * and new root of a rotation have distinct names and operators can tell them apart.
 */
final class CaSubjects {
    private CaSubjects() {
    }

    static X500Name root(String organization, int rootEpoch) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.OU, "root epoch " + rootEpoch)
                .addRDN(BCStyle.CN, "Root CA")
                .build();
    }

    static X500Name intermediate(String organization, String cluster) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.CN, "Intermediate CA")
                .addRDN(BCStyle.L, cluster)
                .build();
    }
}
