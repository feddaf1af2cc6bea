package io.meshfed.trust;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which peer SPIFFE IDs one side of an Istio mTLS handshake accepts once the peer's chain verified
 * against its trust bundle. Envoy's {@code match_subject_alt_names} as istiod fills it
 * (pilot/pkg/security/model/authentication.go {@code ApplyToCommonTLSContext}, Istio 1.30.3): exact
 * SPIFFE IDs (a client's DestinationRule {@code subjectAltNames}, or the identities istiod expects
 * of a destination) and prefix matches {@code spiffe://<trust domain>/} (a server's validated
 * trust domains, pilot/pkg/networking/plugin/authn/util.go {@code TrustDomainsForValidation});
 * any one match accepts. With no matcher at all Envoy accepts every peer whose chain verifies,
 * which is what a server gets when {@code PILOT_SKIP_VALIDATE_TRUST_DOMAIN} empties the list.
 *
 * @param spiffeIds    exact SPIFFE IDs
 * @param trustDomains trust domains whose every SPIFFE ID is accepted
 * @param acceptsAny   true only for "no matcher": every peer whose chain verifies
 */
public record AcceptedPeers(Set<String> spiffeIds, Set<String> trustDomains, boolean acceptsAny) {

    public AcceptedPeers {
        spiffeIds = Set.copyOf(spiffeIds);
        trustDomains = Set.copyOf(trustDomains);
        if (acceptsAny != (spiffeIds.isEmpty() && trustDomains.isEmpty())) {
            throw new IllegalArgumentException(acceptsAny
                    ? "a policy accepting any peer names no SPIFFE ID or trust domain"
                    : "accepted peers: at least one SPIFFE ID or trust domain (use anyPeer() to accept every verified peer)");
        }
    }

    /** Only these SPIFFE IDs. */
    public static AcceptedPeers exactly(Set<String> spiffeIds) {
        return new AcceptedPeers(spiffeIds, Set.of(), false);
    }

    /** Every SPIFFE ID {@code spiffe://<one of these>/…}. */
    public static AcceptedPeers inTrustDomains(Set<String> trustDomains) {
        return new AcceptedPeers(Set.of(), trustDomains, false);
    }

    /** Every peer whose chain verifies against the trust bundle. */
    public static AcceptedPeers anyPeer() {
        return new AcceptedPeers(Set.of(), Set.of(), true);
    }

    public boolean accepts(String spiffeId) {
        if (acceptsAny) {
            return true;
        }
        if (spiffeId == null) {
            return false;
        }
        return spiffeIds.contains(spiffeId)
                || trustDomains.stream().anyMatch(td -> spiffeId.startsWith("spiffe://" + td + "/"));
    }

    /** For error messages, in a stable order. */
    public String describe() {
        if (acceptsAny) {
            return "any peer whose chain verifies";
        }
        List<String> parts = new java.util.ArrayList<>();
        if (!spiffeIds.isEmpty()) {
            parts.add("the accepted " + new TreeSet<>(spiffeIds));
        }
        if (!trustDomains.isEmpty()) {
            parts.add("the accepted trust domains " + new TreeSet<>(trustDomains));
        }
        return String.join(" or ", parts);
    }
}
