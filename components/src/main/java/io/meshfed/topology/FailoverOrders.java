package io.meshfed.topology;

import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.FailoverSpec;
import io.meshfed.spec.FederationGraph;
import io.meshfed.spec.MeshSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The failover order of each failover policy, per consuming cluster, by Istio's
 * {@code failoverPriority} semantics (as the simulator's load balancer applies them): a backing
 * cluster's priority is the number of labels from the first one it does not share with the client
 * on; lower is preferred, equal priorities form one tier.
 */
final class FailoverOrders {

    private FailoverOrders() {
    }

    static List<FailoverStep> of(MeshSpec spec, FederationGraph graph) {
        List<FailoverStep> steps = new ArrayList<>();
        for (FailoverSpec policy : spec.failover()) {
            String service = policy.service().service();
            String namespace = policy.service().namespace();
            List<String> backing = graph.backingClusters(service, namespace);
            for (String consumer : graph.consumers(service, namespace)) {
                List<String> reachable = backing.stream().filter(b -> graph.reachable(consumer, b, service, namespace)).toList();
                ClusterSpec client = spec.requireCluster(consumer);
                TreeSet<Integer> priorities = new TreeSet<>();
                reachable.forEach(b -> priorities.add(priority(policy.priority(), client, spec.requireCluster(b))));
                List<Integer> tiers = List.copyOf(priorities);
                for (String b : reachable) {
                    int tier = tiers.indexOf(priority(policy.priority(), client, spec.requireCluster(b)));
                    if (tier > 0) {
                        steps.add(new FailoverStep(policy.name(), service, namespace, consumer, b, tier));
                    }
                }
            }
        }
        return steps;
    }

    static int priority(List<String> labels, ClusterSpec client, ClusterSpec backing) {
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            int eq = label.indexOf('=');
            String key = eq < 0 ? label : label.substring(0, eq);
            String want = eq < 0 ? value(key, client) : label.substring(eq + 1);
            if (want == null || !want.equals(value(key, backing))) {
                return labels.size() - i;
            }
        }
        return 0;
    }

    /** The value of a topology label on the cluster's endpoints; null for labels the spec does not decide. */
    private static String value(String key, ClusterSpec cluster) {
        return switch (key) {
            case "topology.istio.io/network" -> cluster.effectiveNetwork();
            case "topology.istio.io/cluster" -> cluster.name();
            case "topology.kubernetes.io/region" -> cluster.locality().region();
            case "topology.kubernetes.io/zone" -> cluster.locality().zone();
            default -> null;
        };
    }
}
