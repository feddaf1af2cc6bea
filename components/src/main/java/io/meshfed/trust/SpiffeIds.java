package io.meshfed.trust;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** SPIFFE IDs of Istio workloads: {@code spiffe://<trust-domain>/ns/<namespace>/sa/<service-account>}. */
public final class SpiffeIds {
    private static final int SAN_URI = 6;
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private SpiffeIds() {
    }

    public static String of(String trustDomain, String namespace, String serviceAccount) {
        ClusterIdentity.requireTrustDomain(trustDomain);
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("namespace: a DNS-1123 label, got \"" + namespace + "\"");
        }
        if (serviceAccount == null || !SERVICE_ACCOUNT.matcher(serviceAccount).matches()) {
            throw new IllegalArgumentException("serviceAccount: a DNS-1123 subdomain, got \"" + serviceAccount + "\"");
        }
        return "spiffe://" + trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
    }

    /**
     * The certificate's SPIFFE ID. An X509-SVID has exactly one URI SAN, and it is a
     * {@code spiffe://} URI; anything else yields empty.
     */
    public static Optional<String> fromCertificate(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException unparseable) {
            return Optional.empty();
        }
        if (names == null) {
            return Optional.empty();
        }
        List<String> uris = new ArrayList<>();
        for (List<?> name : names) {
            if (name.size() == 2 && Integer.valueOf(SAN_URI).equals(name.get(0))) {
                uris.add(String.valueOf(name.get(1)));
            }
        }
        return uris.size() == 1 && uris.get(0).startsWith("spiffe://") ? Optional.of(uris.get(0)) : Optional.empty();
    }
}
