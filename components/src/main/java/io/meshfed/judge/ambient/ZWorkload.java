package io.meshfed.judge.ambient;

import java.util.List;
import java.util.Map;

/**
 * A workload API {@code Workload} as ztunnel receives it (pkg/workloadapi/workload.proto, Istio
 * 1.30.3). Its identity is {@code spiffe://<trust_domain>/ns/<namespace>/sa/<service_account>}; an
 * elided trust domain is the mesh default {@code cluster.local}, an elided service account
 * {@code default}. {@code services} maps {@code namespace/hostname} to the ports it serves.
 */
public record ZWorkload(String uid, String name, String namespace, List<String> addresses, String hostname, String network,
        boolean hbone, String trustDomain, String serviceAccount, ZGateway waypoint, ZGateway networkGateway,
        Map<String, List<ZPort>> services, List<String> authorizationPolicies, boolean healthy, String clusterId, int capacity,
        Locality locality, String node) {

    public ZWorkload {
        addresses = List.copyOf(addresses);
        services = Map.copyOf(services);
        authorizationPolicies = List.copyOf(authorizationPolicies);
    }

    public String identity() {
        return "spiffe://" + (trustDomain == null || trustDomain.isEmpty() ? "cluster.local" : trustDomain) + "/ns/" + namespace
                + "/sa/" + (serviceAccount == null || serviceAccount.isEmpty() ? "default" : serviceAccount);
    }

    /**
     * The port the workload serves {@code servicePort} of the service on: its own mapping, else the
     * service's target port when set (istio/ztunnel 1.30.3 src/state.rs {@code find_upstream_from_service}).
     */
    public java.util.Optional<Integer> targetPort(ZService service, int servicePort) {
        List<ZPort> ports = services.get(service.key());
        if (ports == null) {
            return java.util.Optional.empty();
        }
        return ports.stream().filter(p -> p.servicePort() == servicePort).map(ZPort::targetPort).findFirst()
                .or(() -> service.port(servicePort).map(ZPort::targetPort).filter(t -> t > 0));
    }

    public String describe() {
        return namespace + "/" + name;
    }

    /** Region, zone and subzone; empty strings when unset. */
    public record Locality(String region, String zone, String subzone) {

        public static final Locality NONE = new Locality("", "", "");
    }
}
