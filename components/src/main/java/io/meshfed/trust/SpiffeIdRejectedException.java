package io.meshfed.trust;

import java.security.cert.CertificateException;
import java.util.Set;

/** The peer's chain verified, but its SPIFFE ID is not one this side accepts. */
public final class SpiffeIdRejectedException extends CertificateException {
    private final String presented;
    private final Set<String> accepted;

    SpiffeIdRejectedException(String presented, Set<String> accepted) {
        super("peer SPIFFE ID " + (presented == null ? "<none>" : presented) + " is not among the accepted " + accepted);
        this.presented = presented;
        this.accepted = Set.copyOf(accepted);
    }

    /** The peer's SPIFFE ID, or null when its certificate carries none. */
    public String presented() {
        return presented;
    }

    public Set<String> accepted() {
        return accepted;
    }
}
