package io.meshfed.spec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Validation of the access section, including the shared-trust-domain rule. */
final class AccessRules {

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE");
    /** Names of the AuthorizationPolicies meshfed renders itself, next to those of access policies. */
    static final List<String> RESERVED_NAMES = List.of("global-deny", "namespace-isolation");

    private final MeshSpec spec;
    private final FederationGraph graph;
    private final References references;
    private final Problems problems;
    private Set<String> declaredServices;

    AccessRules(FederationGraph graph, References references, Problems problems) {
        this.spec = graph.spec();
        this.graph = graph;
        this.references = references;
        this.problems = problems;
    }

    void check() {
        AccessSpec access = spec.access();
        problems.oneOf("access.mtls", access.mtls(), List.of("STRICT", "PERMISSIVE", "DISABLE"));
        Set<String> names = new HashSet<>();
        Map<String, String> rendered = new HashMap<>();
        for (int i = 0; i < access.policies().size(); i++) {
            AccessPolicySpec p = access.policies().get(i);
            String path = "access.policies[" + i + "]";
            if (!problems.present(path, p)) {
                continue;
            }
            problems.dnsLabel(path + ".name", p.name());
            if (p.name() != null && !names.add(p.name())) {
                problems.add(path + ".name", "duplicate access policy name '" + p.name() + "'");
            }
            if (p.name() != null && RESERVED_NAMES.contains(p.name())) {
                problems.add(path + ".name", "'" + p.name() + "' is the name of an AuthorizationPolicy meshfed renders itself; choose another");
            }
            sources(path, p.from());
            destinations(path + ".to", p.to());
            operations(path, p);
            renderedNames(path, p, rendered);
        }
        namespaceIsolation(access.namespaceIsolation());
    }

    /**
     * A policy renders AuthorizationPolicies named after it, or {@code <policy>-<service>} when it
     * selects several services; two policies must not render the same name.
     */
    private void renderedNames(String path, AccessPolicySpec p, Map<String, String> rendered) {
        if (p.name() == null) {
            return;
        }
        List<String> names = p.to().services().size() < 2 ? List.of(p.name())
                : p.to().services().stream().filter(Objects::nonNull).map(service -> p.name() + "-" + service).toList();
        for (String name : names) {
            String other = rendered.putIfAbsent(name, path);
            if (other != null && !other.equals(path) && name.length() <= Syntax.MAX_LABEL) {
                problems.add(path + ".name", "renders the AuthorizationPolicy '" + name + "', as " + other + " does; rename one of them");
            }
        }
    }

    private void operations(String path, AccessPolicySpec p) {
        problems.distinct(path + ".methods", p.methods(), "method");
        for (int m = 0; m < p.methods().size(); m++) {
            problems.oneOf(path + ".methods[" + m + "]", p.methods().get(m), METHODS);
        }
        problems.distinct(path + ".ports", p.ports(), "port");
        for (int m = 0; m < p.ports().size(); m++) {
            problems.port(path + ".ports[" + m + "]", p.ports().get(m));
        }
        problems.distinct(path + ".paths", p.paths(), "path");
        for (int m = 0; m < p.paths().size(); m++) {
            String value = p.paths().get(m);
            if (value != null && !value.startsWith("/") && !value.startsWith("*")) {
                problems.add(path + ".paths[" + m + "]", "must start with '/' or '*' (Istio path match), was '" + Problems.shown(value) + "'");
            }
        }
    }

    /** One isolation policy per namespace and cluster: an entry without a cluster covers the namespace everywhere. */
    private void namespaceIsolation(List<NamespaceRef> isolation) {
        for (int i = 0; i < isolation.size(); i++) {
            NamespaceRef ref = isolation.get(i);
            String path = "access.namespaceIsolation[" + i + "]";
            if (!problems.present(path, ref)) {
                continue;
            }
            references.knownCluster(path + ".cluster", ref.cluster(), false);
            problems.dnsLabel(path + ".namespace", ref.namespace());
            for (int earlier = 0; earlier < i; earlier++) {
                NamespaceRef other = isolation.get(earlier);
                if (other != null && Objects.equals(other.namespace(), ref.namespace())
                        && (other.cluster() == null || ref.cluster() == null || other.cluster().equals(ref.cluster()))) {
                    problems.add(path, "namespace '" + Problems.shown(String.valueOf(ref.namespace())) + "' is already isolated"
                            + (other.cluster() == null ? " in every cluster" : " in cluster '" + other.cluster() + "'")
                            + " by access.namespaceIsolation[" + earlier + "]");
                    break;
                }
            }
        }
    }

    private void sources(String path, List<SourceSpec> from) {
        for (int s = 0; s < from.size(); s++) {
            SourceSpec source = from.get(s);
            String sourcePath = path + ".from[" + s + "]";
            if (!problems.present(sourcePath, source)) {
                continue;
            }
            if (source.serviceAccounts().isEmpty() && source.namespaces().isEmpty()) {
                problems.add(sourcePath, "name at least one serviceAccount or namespace (leave 'from' out to allow any source)");
            }
            for (int a = 0; a < source.serviceAccounts().size(); a++) {
                ServiceAccountRef sa = source.serviceAccounts().get(a);
                String saPath = sourcePath + ".serviceAccounts[" + a + "]";
                if (problems.present(saPath, sa)) {
                    problems.dnsSubdomain(saPath + ".name", sa.name());
                    problems.dnsLabel(saPath + ".namespace", sa.namespace());
                    distinctTrustDomain(saPath + ".cluster", sa.cluster());
                }
            }
            for (int n = 0; n < source.namespaces().size(); n++) {
                NamespaceRef ns = source.namespaces().get(n);
                String nsPath = sourcePath + ".namespaces[" + n + "]";
                if (problems.present(nsPath, ns)) {
                    problems.dnsLabel(nsPath + ".namespace", ns.namespace());
                    distinctTrustDomain(nsPath + ".cluster", ns.cluster());
                }
            }
        }
    }

    /** A source pinned to a cluster is told apart by its trust domain, so that must be the cluster's own. */
    private void distinctTrustDomain(String path, String cluster) {
        if (cluster == null || !references.knownCluster(path, cluster, false)) {
            return;
        }
        String domain = graph.cluster(cluster).orElseThrow().effectiveTrustDomain();
        List<String> sharing = spec.clusters().stream()
                .filter(c -> c != null && c.name() != null && !c.name().equals(cluster) && Objects.equals(c.effectiveTrustDomain(), domain))
                .map(ClusterSpec::name).toList();
        if (!sharing.isEmpty()) {
            problems.add(path, "cluster '" + cluster + "' shares trust domain '" + domain + "' with " + String.join(", ", sharing)
                    + ", so a policy cannot tell their workloads apart; give each cluster its own trustDomain");
        }
    }

    private void destinations(String path, DestinationSelectorSpec to) {
        problems.distinct(path + ".clusters", to.clusters(), "cluster");
        for (int c = 0; c < to.clusters().size(); c++) {
            references.knownCluster(path + ".clusters[" + c + "]", to.clusters().get(c), false);
        }
        problems.distinct(path + ".namespaces", to.namespaces(), "namespace");
        for (int n = 0; n < to.namespaces().size(); n++) {
            if (to.namespaces().get(n) != null) {
                problems.dnsLabel(path + ".namespaces[" + n + "]", to.namespaces().get(n));
            }
            if (ServiceRules.ROOT_NAMESPACE.equals(to.namespaces().get(n))) {
                problems.add(path + ".namespaces[" + n + "]", "an AuthorizationPolicy in Istio's root namespace applies to the whole mesh; "
                        + "select the namespaces of your services");
            }
        }
        if (declaredServices == null) {
            declaredServices = new HashSet<>();
            spec.services().stream().filter(Objects::nonNull).forEach(s -> declaredServices.add(s.name()));
        }
        problems.distinct(path + ".services", to.services(), "service");
        for (int s = 0; s < to.services().size(); s++) {
            String name = to.services().get(s);
            if (name != null && !declaredServices.contains(name)) {
                problems.add(path + ".services[" + s + "]", "no service '" + Problems.shown(name) + "' is declared in services");
            }
        }
        problems.labels(path + ".labels", to.labels());
        if (!to.services().isEmpty() && !to.labels().isEmpty()) {
            problems.add(path, "select by services or by labels, not both");
        }
    }
}
