package io.meshfed.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation of the access section, including the shared-trust-domain rule. */
final class AccessRules {

    private final MeshSpec spec;
    private final FederationGraph graph;
    private final Problems problems;
    private Set<String> declaredServices;

    AccessRules(FederationGraph graph, Problems problems) {
        this.spec = graph.spec();
        this.graph = graph;
        this.problems = problems;
    }

    void check() {
        AccessSpec access = spec.access();
        problems.oneOf("access.mtls", access.mtls(), List.of("STRICT", "PERMISSIVE", "DISABLE"));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < access.policies().size(); i++) {
            AccessPolicySpec p = access.policies().get(i);
            String path = "access.policies[" + i + "]";
            problems.dnsLabel(path + ".name", p.name());
            if (p.name() != null && !names.add(p.name())) {
                problems.add(path + ".name", "duplicate access policy name '" + p.name() + "'");
            }
            sources(path, p.from());
            destinations(path + ".to", p.to());
            for (int m = 0; m < p.methods().size(); m++) {
                problems.oneOf(path + ".methods[" + m + "]", p.methods().get(m), SpecValidator.METHODS);
            }
            for (int m = 0; m < p.ports().size(); m++) {
                problems.port(path + ".ports[" + m + "]", p.ports().get(m));
            }
            for (int m = 0; m < p.paths().size(); m++) {
                String value = p.paths().get(m);
                if (value == null || !value.startsWith("/") && !value.startsWith("*")) {
                    problems.add(path + ".paths[" + m + "]", "must start with '/' or '*' (Istio path match), was '" + value + "'");
                }
            }
        }
        for (int i = 0; i < access.namespaceIsolation().size(); i++) {
            NamespaceRef ref = access.namespaceIsolation().get(i);
            String path = "access.namespaceIsolation[" + i + "]";
            SpecValidator.knownCluster(graph, problems, path + ".cluster", ref.cluster(), false);
            problems.dnsLabel(path + ".namespace", ref.namespace());
        }
    }

    private void sources(String path, List<SourceSpec> from) {
        for (int s = 0; s < from.size(); s++) {
            SourceSpec source = from.get(s);
            String sourcePath = path + ".from[" + s + "]";
            if (source.serviceAccounts().isEmpty() && source.namespaces().isEmpty()) {
                problems.add(sourcePath, "name at least one serviceAccount or namespace (leave 'from' out to allow any source)");
            }
            for (int a = 0; a < source.serviceAccounts().size(); a++) {
                ServiceAccountRef sa = source.serviceAccounts().get(a);
                String saPath = sourcePath + ".serviceAccounts[" + a + "]";
                problems.dnsLabel(saPath + ".name", sa.name());
                problems.dnsLabel(saPath + ".namespace", sa.namespace());
                distinctTrustDomain(saPath + ".cluster", sa.cluster());
            }
            for (int n = 0; n < source.namespaces().size(); n++) {
                NamespaceRef ns = source.namespaces().get(n);
                String nsPath = sourcePath + ".namespaces[" + n + "]";
                problems.dnsLabel(nsPath + ".namespace", ns.namespace());
                distinctTrustDomain(nsPath + ".cluster", ns.cluster());
            }
        }
    }

    /** A source pinned to a cluster is told apart by its trust domain, so that must be the cluster's own. */
    private void distinctTrustDomain(String path, String cluster) {
        if (cluster == null || !SpecValidator.knownCluster(graph, problems, path, cluster, false)) {
            return;
        }
        String domain = graph.cluster(cluster).orElseThrow().effectiveTrustDomain();
        List<String> sharing = spec.clusters().stream()
                .filter(c -> !c.name().equals(cluster) && c.effectiveTrustDomain().equals(domain))
                .map(ClusterSpec::name).toList();
        if (!sharing.isEmpty()) {
            problems.add(path, "cluster '" + cluster + "' shares trust domain '" + domain + "' with " + String.join(", ", sharing)
                    + ", so a policy cannot tell their workloads apart; give each cluster its own trustDomain");
        }
    }

    private void destinations(String path, DestinationSelectorSpec to) {
        for (int c = 0; c < to.clusters().size(); c++) {
            SpecValidator.knownCluster(graph, problems, path + ".clusters[" + c + "]", to.clusters().get(c), true);
        }
        for (int n = 0; n < to.namespaces().size(); n++) {
            problems.dnsLabel(path + ".namespaces[" + n + "]", to.namespaces().get(n));
        }
        if (declaredServices == null) {
            declaredServices = new HashSet<>();
            spec.services().forEach(s -> declaredServices.add(s.name()));
        }
        for (int s = 0; s < to.services().size(); s++) {
            String name = to.services().get(s);
            if (name == null || !declaredServices.contains(name)) {
                problems.add(path + ".services[" + s + "]", "no service '" + name + "' is declared in services");
            }
        }
        if (!to.services().isEmpty() && !to.labels().isEmpty()) {
            problems.add(path, "select by services or by labels, not both");
        }
    }
}
