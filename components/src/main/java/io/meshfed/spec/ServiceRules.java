package io.meshfed.spec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validation of the service inventory: names, clusters, service accounts, ports, versions and labels. */
final class ServiceRules {

    static final String ROOT_NAMESPACE = "istio-system";
    static final List<String> PROTOCOLS = List.of("HTTP", "HTTP2", "HTTPS", "GRPC", "TCP", "TLS", "MONGO", "REDIS", "MYSQL");

    private final MeshSpec spec;
    private final References references;
    private final Problems problems;

    ServiceRules(MeshSpec spec, References references, Problems problems) {
        this.spec = spec;
        this.references = references;
        this.problems = problems;
    }

    void check() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < spec.services().size(); i++) {
            ServiceSpec s = spec.services().get(i);
            String path = "services[" + i + "]";
            if (!problems.present(path, s)) {
                continue;
            }
            problems.dnsLabel(path + ".name", s.name());
            problems.dnsLabel(path + ".namespace", s.namespace());
            if (references.knownCluster(path + ".cluster", s.cluster(), true)) {
                systemNamespace(path + ".namespace", s);
            }
            Integer first = seen.putIfAbsent(s.cluster() + "/" + s.namespace() + "/" + s.name(), i);
            if (first != null) {
                problems.add(path, "duplicate service '" + s.name() + "' in " + s.cluster() + "/" + s.namespace() + " (also services[" + first + "])");
            }
            if (s.serviceAccount() != null && !s.serviceAccount().isBlank()) {
                problems.dnsSubdomain(path + ".serviceAccount", s.serviceAccount());
            }
            ports(path, s.ports());
            problems.distinct(path + ".versions", s.versions(), "version");
            for (int v = 0; v < s.versions().size(); v++) {
                if (s.versions().get(v) != null) {
                    problems.dnsLabel(path + ".versions[" + v + "]", s.versions().get(v));
                }
            }
            problems.labels(path + ".labels", s.labels());
        }
    }

    /**
     * Workloads run in namespaces meshfed labels for the data plane; the root namespace (where an
     * AuthorizationPolicy applies to the whole mesh) and the east-west gateway's are not among them.
     */
    private void systemNamespace(String path, ServiceSpec s) {
        String gateways = spec.clusters().stream().filter(c -> c != null && s.cluster().equals(c.name())).findFirst()
                .map(c -> c.eastWestGateway().namespace()).orElse(null);
        if (ROOT_NAMESPACE.equals(s.namespace()) || s.namespace().equals(gateways)) {
            problems.add(path, "'" + s.namespace() + "' is " + (ROOT_NAMESPACE.equals(s.namespace()) ? "Istio's root namespace"
                    : "the east-west gateway's namespace in cluster " + s.cluster()) + ", not one for workloads");
        }
    }

    private void ports(String path, List<PortSpec> ports) {
        if (ports.isEmpty()) {
            problems.add(path + ".ports", "at least one port is required");
        }
        Set<String> names = new HashSet<>();
        Map<Integer, Integer> numbers = new HashMap<>();
        for (int p = 0; p < ports.size(); p++) {
            PortSpec port = ports.get(p);
            String portPath = path + ".ports[" + p + "]";
            if (!problems.present(portPath, port)) {
                continue;
            }
            if (port.name() != null && !port.name().isBlank()) {
                problems.dnsLabel(portPath + ".name", port.name());
            }
            if (problems.required(portPath + ".number", port.number())) {
                problems.port(portPath + ".number", port.number());
                if (!names.add(port.effectiveName())) {
                    problems.add(portPath + ".name", "duplicate port name '" + port.effectiveName() + "'");
                }
                Integer first = numbers.putIfAbsent(port.number(), p);
                if (first != null) {
                    problems.add(portPath + ".number", "duplicate port " + port.number() + " (also " + path + ".ports[" + first + "])");
                }
            }
            problems.oneOf(portPath + ".protocol", port.protocol(), PROTOCOLS);
        }
    }
}
