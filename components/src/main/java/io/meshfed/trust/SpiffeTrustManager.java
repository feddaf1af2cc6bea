package io.meshfed.trust;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Peer verification as an Istio sidecar does it: PKIX against the trust bundle (no hostname
 * check), then the leaf's EKU for the peer's role, then its SPIFFE ID against the
 * {@link AcceptedPeers}.
 * Extends {@link X509ExtendedTrustManager} so JSSE uses it as is rather than wrapping it with its
 * own endpoint checks.
 */
final class SpiffeTrustManager extends X509ExtendedTrustManager {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final List<X509Certificate> trustBundle;
    private final Set<TrustAnchor> anchors;
    private final AcceptedPeers acceptedPeers;

    SpiffeTrustManager(List<X509Certificate> trustBundle, AcceptedPeers acceptedPeers) {
        if (trustBundle.isEmpty()) {
            throw new IllegalArgumentException("trust bundle: at least one root");
        }
        this.trustBundle = List.copyOf(trustBundle);
        this.acceptedPeers = java.util.Objects.requireNonNull(acceptedPeers, "acceptedPeers");
        Set<TrustAnchor> trusted = new LinkedHashSet<>();
        for (X509Certificate root : trustBundle) {
            trusted.add(new TrustAnchor(root, null));
        }
        this.anchors = Set.copyOf(trusted);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, CLIENT_AUTH);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, SERVER_AUTH);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        verify(chain, CLIENT_AUTH);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        verify(chain, SERVER_AUTH);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        verify(chain, CLIENT_AUTH);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        verify(chain, SERVER_AUTH);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trustBundle.toArray(new X509Certificate[0]);
    }

    private void verify(X509Certificate[] presented, String requiredPurpose) throws CertificateException {
        if (presented == null || presented.length == 0) {
            throw new CertificateException("peer presented no certificate");
        }
        validatePath(presented);
        X509Certificate leaf = presented[0];
        requirePurpose(leaf, requiredPurpose);
        String spiffeId = SpiffeIds.fromCertificate(leaf).orElse(null);
        if (!acceptedPeers.accepts(spiffeId)) {
            throw new SpiffeIdRejectedException(spiffeId, acceptedPeers);
        }
    }

    private void validatePath(X509Certificate[] presented) throws CertificateException {
        List<X509Certificate> path = new ArrayList<>(Arrays.asList(presented));
        // The anchor itself must not be part of the path PKIX validates.
        while (path.size() > 1 && trustBundle.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException invalid) {
            throw new CertificateException("peer chain does not verify against the trust bundle: "
                    + invalid.getMessage(), invalid);
        } catch (GeneralSecurityException unusable) {
            throw new CertificateException("cannot validate the peer chain: " + unusable.getMessage(), unusable);
        }
    }

    private static void requirePurpose(X509Certificate leaf, String purpose) throws CertificateException {
        List<String> purposes;
        try {
            purposes = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException unparseable) {
            throw new CertificateException("peer certificate has an unreadable extended key usage", unparseable);
        }
        if (purposes != null && !purposes.contains(purpose)) {
            throw new CertificateException("peer certificate lacks extended key usage "
                    + (SERVER_AUTH.equals(purpose) ? "serverAuth" : "clientAuth"));
        }
    }
}
