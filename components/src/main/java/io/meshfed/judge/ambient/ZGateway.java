package io.meshfed.judge.ambient;

/**
 * A workload API {@code GatewayAddress} (pkg/workloadapi/workload.proto, Istio 1.30.3): a waypoint or
 * network gateway named by a namespaced host name or by a network address, and its HBONE port.
 */
public record ZGateway(String namespace, String hostname, String network, String ip, int hbonePort) {

    public boolean byHostname() {
        return hostname != null;
    }

    public String describe() {
        return (byHostname() ? namespace + "/" + hostname : network + "/" + ip) + ":" + hbonePort;
    }
}
