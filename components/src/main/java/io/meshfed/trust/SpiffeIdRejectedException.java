package io.meshfed.trust;

import java.security.cert.CertificateException;
import java.util.Set;

/** The peer's chain verified, but its SPIFFE ID is not one this side accepts. */
public final class SpiffeIdRejectedException extends CertificateException {
    private final String presented;
    private final AcceptedPeers accepted;

    SpiffeIdRejectedException(String presented, AcceptedPeers accepted) {
        super("peer SPIFFE ID " + (presented == null ? "<none>" : presented) + " is not among " + accepted.describe());
        this.presented = presented;
        this.accepted = accepted;
    }

    /** The peer's SPIFFE ID, or null when its certificate carries none. */
    public String presented() {
        return presented;
    }

    /** The exact SPIFFE IDs this side accepted. */
    public Set<String> accepted() {
        return accepted.spiffeIds();
    }

    /** The trust domains whose SPIFFE IDs this side accepted. */
    public Set<String> acceptedTrustDomains() {
        return accepted.trustDomains();
    }
}
