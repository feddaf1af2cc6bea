package io.meshfed.judge.ambient;

import java.util.List;
import java.util.Optional;

/**
 * A workload API {@code Service} as ztunnel receives it: host name, VIPs per network, ports, the
 * SANs to verify when they are set ({@code subject_alt_names}: "Typically, this is not set and
 * per-workload identity is used"), the waypoint all requests to it must go through and its load
 * balancing preferences (pkg/workloadapi/workload.proto, Istio 1.30.3).
 */
public record ZService(String name, String namespace, String hostname, List<Vip> addresses, List<ZPort> ports,
        List<String> subjectAltNames, ZGateway waypoint, ZLoadBalancing loadBalancing) {

    public ZService {
        addresses = List.copyOf(addresses);
        ports = List.copyOf(ports);
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    /** The endpoints ztunnel may choose for the client ({@link ZLoadBalancing}; without it, the healthy ones). */
    public List<ZWorkload> choosable(ZWorkload client, List<ZWorkload> endpoints) {
        boolean allowAll = loadBalancing != null && loadBalancing.allowUnhealthy();
        List<ZWorkload> included = endpoints.stream().filter(w -> w.healthy() || allowAll).toList();
        return loadBalancing == null ? included : loadBalancing.select(client, included);
    }

    /** The key workloads name their services by: {@code namespace/hostname}. */
    public String key() {
        return namespace + "/" + hostname;
    }

    public Optional<ZPort> port(int servicePort) {
        return ports.stream().filter(p -> p.servicePort() == servicePort).findFirst();
    }

    /** The VIP a client on {@code network} dials. */
    public Optional<String> vip(String network) {
        return addresses.stream().filter(a -> a.network().equals(network)).map(Vip::ip).findFirst()
                .or(() -> addresses.stream().map(Vip::ip).findFirst());
    }

    /** A service address: network and IP. */
    public record Vip(String network, String ip) {
    }
}
