package io.meshfed.spec;

/** Checks that a name used in one section is declared in another: clusters and services. */
final class References {

    private final FederationGraph graph;
    private final Problems problems;

    References(FederationGraph graph, Problems problems) {
        this.graph = graph;
        this.problems = problems;
    }

    boolean knownCluster(String path, String cluster, boolean required) {
        if (cluster == null) {
            if (required) {
                problems.add(path, "required");
            }
            return false;
        }
        if (graph.cluster(cluster).isEmpty()) {
            problems.add(path, "unknown cluster '" + Problems.shown(cluster) + "'");
            return false;
        }
        return true;
    }

    boolean knownService(String path, ServiceRef ref) {
        if (!problems.required(path + ".service", ref.service())) {
            return false;
        }
        if (graph.backings(ref.service(), ref.namespace()).isEmpty()) {
            problems.add(path, "no service '" + Problems.shown(ref.service()) + "' in namespace '" + Problems.shown(ref.namespace())
                    + "' is declared in services");
            return false;
        }
        return true;
    }
}
