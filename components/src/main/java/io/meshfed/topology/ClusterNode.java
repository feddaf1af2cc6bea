package io.meshfed.topology;

import java.util.Optional;

/**
 * One cluster as the topology shows it: where it sits (region, zone, network), its east-west
 * gateway (address unknown until deployment when the spec declares none) and its intermediate CA.
 */
public record ClusterNode(String name, String region, String zone, String network, String gatewayAddress, int gatewayPort,
        Optional<CaCertificate> intermediate) {

    /** {@code address:port}, or a note that the address is read from the LoadBalancer at deployment. */
    public String gatewayEndpoint() {
        return (gatewayAddress == null ? "address at deploy" : gatewayAddress) + ":" + gatewayPort;
    }

    /** The region, or "no region" when the spec declares no locality. */
    public String regionOrNone() {
        return region == null || region.isBlank() ? "no region" : region;
    }
}
