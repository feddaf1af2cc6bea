package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The server side of Istio's inbound mTLS: a prefix match {@code spiffe://<td>/} per validated
 * trust domain (pilot/pkg/security/model/authentication.go {@code AppendURIPrefixToTrustDomain},
 * Istio 1.30.3), or no matcher at all when validation is skipped.
 */
class AcceptedPeersTest {
    private static final Duration TTL = Duration.ofHours(1);

    @Test
    void aTrustDomainAcceptsEveryIdentityUnderItAndNoOtherTrustDomainSharingItsPrefix() {
        AcceptedPeers west = AcceptedPeers.inTrustDomains(Set.of("west"));
        assertTrue(west.accepts("spiffe://west/ns/httpbin/sa/httpbin"));
        assertFalse(west.accepts("spiffe://east/ns/sleep/sa/sleep"));
        assertFalse(west.accepts("spiffe://western/ns/sleep/sa/sleep"), "the prefix ends with '/'");
        assertFalse(west.accepts(null), "a certificate without a SPIFFE ID");
        assertTrue(AcceptedPeers.anyPeer().accepts(null));
        assertTrue(AcceptedPeers.exactly(Set.of("spiffe://east/ns/sleep/sa/sleep")).accepts("spiffe://east/ns/sleep/sa/sleep"));
    }

    @Test
    void anEmptyPolicyMustBeSpelledAnyPeer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AcceptedPeers.exactly(Set.of()));
        assertEquals("accepted peers: at least one SPIFFE ID or trust domain (use anyPeer() to accept every verified peer)", e.getMessage());
    }

    @Test
    void aServerValidatingOnlyItsOwnTrustDomainRefusesAClientOfAnotherClusterUnderTheSameRoot() {
        MeshTrust trust = MeshTrust.issue(TrustFixtures.currentSettings(KeyAlgorithm.EC_P256), TrustFixtures.seed("shared"),
                TrustFixtures.clusters("east", "west"));
        IstiodCa eastCa = IstiodCa.fromSecretData(trust.caCerts("east").revealSecretData());
        IstiodCa westCa = IstiodCa.fromSecretData(trust.caCerts("west").revealSecretData());
        Instant now = Instant.now();
        WorkloadCertificate sleep = eastCa.issue("east", "sleep", "sleep", true, now, TTL);
        WorkloadCertificate httpbin = westCa.issue("west", "httpbin", "httpbin", true, now, TTL);
        AcceptedPeers clientAccepts = AcceptedPeers.exactly(Set.of(httpbin.spiffeId()));

        MtlsHandshake.Outcome ownOnly = MtlsHandshake.run(sleep, clientAccepts, httpbin, AcceptedPeers.inTrustDomains(Set.of("west")));
        assertEquals("the server (spiffe://west/ns/httpbin/sa/httpbin) refused the handshake: peer SPIFFE ID "
                + "spiffe://east/ns/sleep/sa/sleep is not among the accepted trust domains [west]", ownOnly.failure());

        assertTrue(MtlsHandshake.run(sleep, clientAccepts, httpbin, AcceptedPeers.inTrustDomains(Set.of("east", "west"))).succeeded());
        assertTrue(MtlsHandshake.run(sleep, clientAccepts, httpbin, AcceptedPeers.anyPeer()).succeeded());
    }
}
