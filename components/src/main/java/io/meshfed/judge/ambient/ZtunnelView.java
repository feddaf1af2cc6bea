package io.meshfed.judge.ambient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What istiod sends every ztunnel of one cluster: the workload API addresses (Workloads and
 * Services) and the L4 authorization policies, as the istio-oracle writes them ({@code ztunnel.json},
 * the answer to a wildcard subscription). Lookups follow ztunnel's state (istio/ztunnel 1.30.3
 * src/state.rs): services by host name or VIP, a service's endpoints are the workloads that list it.
 */
public final class ZtunnelView {

    private final List<ZWorkload> workloads;
    private final List<ZService> services;
    private final Map<String, ZAuthorization> policies;

    public ZtunnelView(List<ZWorkload> workloads, List<ZService> services, List<ZAuthorization> policies) {
        this.workloads = List.copyOf(workloads);
        this.services = List.copyOf(services);
        Map<String, ZAuthorization> byKey = new LinkedHashMap<>();
        policies.forEach(p -> byKey.put(p.key(), p));
        this.policies = java.util.Collections.unmodifiableMap(byKey);
    }

    public static ZtunnelView read(Path json) throws IOException {
        return parse(Files.readString(json));
    }

    public static ZtunnelView parse(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<ZWorkload> workloads = new ArrayList<>();
        List<ZService> services = new ArrayList<>();
        for (JsonNode a : root.path("addresses")) {
            if (a.has("workload")) {
                workloads.add(ZtunnelJson.workload(a.path("workload")));
            } else if (a.has("service")) {
                services.add(ZtunnelJson.service(a.path("service")));
            } else {
                throw new IllegalArgumentException("an address that is neither a workload nor a service: " + a);
            }
        }
        List<ZAuthorization> policies = new ArrayList<>();
        root.path("authorizations").forEach(p -> policies.add(ZtunnelJson.authorization(p)));
        return new ZtunnelView(workloads, services, policies);
    }

    public List<ZWorkload> workloads() {
        return workloads;
    }

    public List<ZService> services() {
        return services;
    }

    public Map<String, ZAuthorization> policies() {
        return policies;
    }

    public Optional<ZService> serviceByHostname(String hostname) {
        return services.stream().filter(s -> s.hostname().equals(hostname)).findFirst();
    }

    public Optional<ZService> serviceByHostname(String namespace, String hostname) {
        return services.stream().filter(s -> s.hostname().equals(hostname) && s.namespace().equals(namespace)).findFirst();
    }

    public Optional<ZService> serviceByAddress(String network, String ip) {
        return services.stream().filter(s -> s.addresses().stream().anyMatch(a -> a.ip().equals(ip) && a.network().equals(network)))
                .findFirst();
    }

    public Optional<ZWorkload> workloadByAddress(String network, String ip) {
        return workloads.stream().filter(w -> w.network().equals(network) && w.addresses().contains(ip)).findFirst();
    }

    public Optional<ZWorkload> workloadByHostname(String hostname) {
        return workloads.stream().filter(w -> hostname.equals(w.hostname())).findFirst();
    }

    /** The workloads that list the service among theirs (healthy or not). */
    public List<ZWorkload> endpoints(ZService service) {
        return workloads.stream().filter(w -> w.services().containsKey(service.key())).toList();
    }

    /** The L4 policies in scope of the workload ({@link L4Authorization#inScope}). */
    public List<ZAuthorization> policiesFor(ZWorkload workload) {
        return L4Authorization.inScope(workload, policies);
    }
}
