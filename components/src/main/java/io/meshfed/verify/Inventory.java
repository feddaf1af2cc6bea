package io.meshfed.verify;

import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The pods the spec's service inventory declares: one per service, cluster and version. */
public final class Inventory {

    static final String CLUSTER_LABEL = "topology.istio.io/cluster";
    static final String NETWORK_LABEL = "topology.istio.io/network";
    static final String REGION_LABEL = "topology.kubernetes.io/region";
    static final String ZONE_LABEL = "topology.kubernetes.io/zone";

    private final List<Workload> workloads;

    private Inventory(List<Workload> workloads) {
        this.workloads = List.copyOf(workloads);
    }

    public static Inventory of(MeshSpec spec) {
        List<Workload> all = new ArrayList<>();
        for (ServiceSpec s : spec.services()) {
            ClusterSpec c = spec.requireCluster(s.cluster());
            List<String> versions = s.versions().isEmpty() ? Collections.singletonList(null) : s.versions();
            for (String version : versions) {
                Map<String, String> labels = new TreeMap<>(s.selector());
                if (version != null) {
                    labels.put("version", version);
                }
                labels.putAll(istioLabels(s.cluster(), c.effectiveNetwork(), c.locality().istioLocality()));
                all.add(new Workload(s.cluster(), s.namespace(), s.name(), s.effectiveServiceAccount(), version, labels,
                        c.effectiveTrustDomain(), c.locality().istioLocality()));
            }
        }
        return new Inventory(all);
    }

    /**
     * What istiod adds to the labels of every endpoint and proxy it reads (its AugmentLabels): the
     * cluster it read them from — overwriting any value —, the network unless set, region and zone.
     */
    static Map<String, String> istioLabels(String readingCluster, String network, String locality) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(CLUSTER_LABEL, readingCluster);
        if (network != null && !network.isEmpty()) {
            labels.put(NETWORK_LABEL, network);
        }
        String[] parts = locality == null ? new String[0] : locality.split("/");
        if (parts.length > 0 && !parts[0].isEmpty()) {
            labels.put(REGION_LABEL, parts[0]);
        }
        if (parts.length > 1 && !parts[1].isEmpty()) {
            labels.put(ZONE_LABEL, parts[1]);
        }
        return labels;
    }

    public List<Workload> all() {
        return workloads;
    }

    public List<Workload> in(String cluster, String namespace) {
        return workloads.stream().filter(w -> w.cluster().equals(cluster) && w.namespace().equals(namespace)).toList();
    }

    /** Every version of a service in one cluster and namespace; fails with the known services when absent. */
    public List<Workload> service(String cluster, String namespace, String service) {
        List<Workload> found = in(cluster, namespace).stream().filter(w -> w.service().equals(service)).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no workload \"" + service + "\" in " + cluster + "/" + namespace
                    + "; the inventory has " + workloads.stream().map(w -> w.service() + " in " + w.cluster() + "/" + w.namespace()).distinct().toList());
        }
        return found;
    }

    /** The namespaces in which a service is declared anywhere in the mesh. */
    public List<String> namespacesOf(String service) {
        return workloads.stream().filter(w -> w.service().equals(service)).map(Workload::namespace).distinct().toList();
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
