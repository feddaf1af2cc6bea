package io.meshfed.discover;

import java.util.List;
import java.util.stream.Collectors;

/** Compares the clusters' root fingerprints: cross-cluster mTLS needs one shared root. */
final class RootComparison {

    private RootComparison() {
    }

    static String line(List<ClusterReport> clusters) {
        List<String> unknown = clusters.stream().filter(c -> !c.root().known()).map(ClusterReport::context).toList();
        if (!unknown.isEmpty()) {
            return "roots: unknown for " + String.join(", ", unknown) + ", so shared trust cannot be confirmed";
        }
        List<String> distinct = clusters.stream().map(c -> c.root().fingerprintSha256()).distinct().toList();
        if (clusters.size() < 2) {
            return "roots: only one cluster read, nothing to compare";
        }
        if (distinct.size() == 1) {
            return "roots: shared root (sha256 " + distinct.get(0) + ") across " + contexts(clusters);
        }
        return "roots: different roots (" + clusters.stream().map(c -> c.context() + " " + abbreviate(c.root().fingerprintSha256()))
                .collect(Collectors.joining(", ")) + "): cross-cluster mTLS fails until every cluster's cacerts chains to one root";
    }

    private static String contexts(List<ClusterReport> clusters) {
        return clusters.stream().map(ClusterReport::context).collect(Collectors.joining(", "));
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.substring(0, 16) + "...";
    }
}
