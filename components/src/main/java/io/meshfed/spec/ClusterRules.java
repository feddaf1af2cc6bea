package io.meshfed.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Validation of the clusters: names, networks, localities, trust domains and east-west gateways. */
final class ClusterRules {

    /** The sidecar east-west gateway's other Service ports: status, istiod, webhook. */
    private static final List<Integer> GATEWAY_PORTS = List.of(15021, 15012, 15017);

    private final MeshSpec spec;
    private final Problems problems;

    ClusterRules(MeshSpec spec, Problems problems) {
        this.spec = spec;
        this.problems = problems;
    }

    void check() {
        if (spec.clusters().isEmpty()) {
            problems.add("clusters", "at least one cluster is required");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < spec.clusters().size(); i++) {
            ClusterSpec c = spec.clusters().get(i);
            String path = "clusters[" + i + "]";
            if (!problems.present(path, c)) {
                continue;
            }
            problems.dnsLabel(path + ".name", c.name());
            Integer first = c.name() == null ? null : seen.putIfAbsent(c.name(), i);
            if (first != null) {
                problems.add(path + ".name", "duplicate cluster name '" + c.name() + "' (also clusters[" + first + "])");
            }
            if (c.network() != null && !c.network().isBlank()) {
                problems.labelValue(path + ".network", c.network());
            }
            // an ambient cluster without one has the mesh name, whose problems "name" reports
            if (c.hasTrustDomain() && !c.trustDomain().equals(spec.name())) {
                problems.trustDomain(path + ".trustDomain", c.trustDomain());
            }
            problems.labelValue(path + ".locality.region", c.locality().region());
            problems.labelValue(path + ".locality.zone", c.locality().zone());
            if (c.locality().zone() != null && c.locality().region() == null) {
                problems.add(path + ".locality.region", "required when a zone is given");
            }
            gateway(path + ".eastWestGateway", c.eastWestGateway());
        }
    }

    private void gateway(String path, EastWestGatewaySpec gateway) {
        problems.port(path + ".port", gateway.port());
        if (!spec.ambient() && gateway.port() != null && GATEWAY_PORTS.contains(gateway.port())) {
            problems.add(path + ".port", gateway.port() + " is taken by the east-west gateway's status, istiod or webhook port "
                    + "(15021, 15012, 15017); use another, e.g. the default 15443");
        }
        problems.oneOf(path + ".serviceType", gateway.serviceType(), List.of("LoadBalancer", "NodePort", "ClusterIP"));
        problems.dnsLabel(path + ".namespace", gateway.namespace());
        if (gateway.hasAddress() && !Syntax.address(gateway.address())) {
            problems.add(path + ".address", "'" + Problems.shown(gateway.address()) + "' is not an IP address or a DNS host name");
        }
    }
}
