package io.meshfed.discover;

import java.util.List;
import java.util.Map;

/** What discovery found in one live cluster. */
public record ClusterReport(
        String context,
        List<Istiod> istiods,
        String trustDomain,
        String network,
        RootOfTrust root,
        List<Gateway> eastWestGateways,
        Map<String, Map<String, Integer>> managedByMesh,
        List<CandidateService> services) {

    /** An istiod Deployment: its image tag and {@code istio.io/rev} label. */
    public record Istiod(String name, String version, String revision) {
    }

    /** Where the root certificate was read from and its SHA-256 fingerprint (null when neither source exists). */
    public record RootOfTrust(String source, String fingerprintSha256) {

        public boolean known() {
            return fingerprintSha256 != null;
        }
    }

    /** An east-west gateway Service with its load-balancer addresses and ports ({@code name:port}). */
    public record Gateway(String namespace, String name, List<String> addresses, List<Port> ports) {
    }

    /** A service port; {@code protocol} is Istio's name derived from appProtocol or the port name, or null. */
    public record Port(String name, int number, String protocol) {
    }

    /** A Service in an injected or ambient namespace, with what its selected pods tell. */
    public record CandidateService(String namespace, String name, boolean ambient, List<Port> ports,
                                   Map<String, String> selector, List<String> versions, String serviceAccount) {
    }
}
