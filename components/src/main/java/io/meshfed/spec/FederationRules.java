package io.meshfed.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validation of the federation: host suffix, and each export's service and clusters. */
final class FederationRules {

    private final FederationGraph graph;
    private final References references;
    private final Problems problems;

    FederationRules(FederationGraph graph, References references, Problems problems) {
        this.graph = graph;
        this.references = references;
        this.problems = problems;
    }

    /**
     * The DestinationRule of a global host has a subset per version, per backing cluster and per
     * cluster and version ({@code <cluster>-<version>}); one name must not stand for two of them.
     */
    private void subsetNames(String path, ExportSpec e, List<ServiceSpec> backings) {
        Map<String, String> subsets = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (ServiceSpec b : backings) {
            claim(subsets, b.cluster(), "cluster " + b.cluster(), clashes);
        }
        for (ServiceSpec b : backings) {
            for (String version : b.versions()) {
                claim(subsets, version, "version " + version, clashes);
                String combined = b.cluster() + "-" + version;
                if (combined.length() <= Syntax.MAX_LABEL) {
                    claim(subsets, combined, "version " + version + " in cluster " + b.cluster(), clashes);
                }
            }
        }
        if (!clashes.isEmpty()) {
            problems.add(path, clashes.get(0) + " in the DestinationRule of " + e.service() + "." + e.namespace() + "; rename the version");
        }
    }

    /** Records what a subset name stands for, or the clash when it already stands for something else. */
    private static void claim(Map<String, String> subsets, String name, String meaning, List<String> clashes) {
        String other = subsets.putIfAbsent(name, meaning);
        if (other != null && !other.equals(meaning)) {
            clashes.add("subset '" + name + "' would stand for " + other + " and for " + meaning);
        }
    }

    void check() {
        FederationSpec f = graph.spec().federation();
        problems.oneOf("federation.hostSuffix", f.hostSuffix(), List.of(FederationSpec.GLOBAL, FederationSpec.MESH_INTERNAL));
        Set<String> exported = new HashSet<>();
        for (int i = 0; i < f.exports().size(); i++) {
            ExportSpec e = f.exports().get(i);
            String path = "federation.exports[" + i + "]";
            if (!problems.present(path, e)) {
                continue;
            }
            problems.distinct(path + ".from", e.from(), "cluster");
            problems.distinct(path + ".to", e.to(), "cluster");
            for (int c = 0; c < e.to().size(); c++) {
                references.knownCluster(path + ".to[" + c + "]", e.to().get(c), false);
            }
            if (!problems.required(path + ".service", e.service())) {
                continue;
            }
            List<ServiceSpec> backings = graph.backings(e.service(), e.namespace());
            if (backings.isEmpty()) {
                problems.add(path + ".service", "no service '" + Problems.shown(e.service()) + "' in namespace '"
                        + Problems.shown(e.namespace()) + "' is declared in services");
                continue;
            }
            if (!exported.add(e.namespace() + "/" + e.service())) {
                problems.add(path, "service " + e.service() + "." + e.namespace() + " is exported twice");
            }
            subsetNames(path, e, backings);
            for (int c = 0; c < e.from().size(); c++) {
                String cluster = e.from().get(c);
                if (references.knownCluster(path + ".from[" + c + "]", cluster, false)
                        && backings.stream().noneMatch(b -> cluster.equals(b.cluster()))) {
                    problems.add(path + ".from[" + c + "]", "cluster '" + cluster + "' does not declare service " + e.service() + "." + e.namespace());
                }
            }
        }
    }
}
