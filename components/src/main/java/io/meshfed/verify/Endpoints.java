package io.meshfed.verify;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.api.networking.v1.WorkloadEntry;
import io.fabric8.kubernetes.api.model.Service;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.GatewayAddressPlaceholder;
import io.meshfed.translate.MeshPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints of a host inside one cluster: a ServiceEntry's workload selector picks local pods
 * and WorkloadEntries in its namespace; otherwise a Kubernetes Service (rendered, or declared in
 * the inventory) picks local pods, and in ambient meshes the WorkloadEntries of global services
 * ({@link #serviceWorkloadEntries}). A WorkloadEntry is healthy while any remote pod it stands for is.
 */
final class Endpoints {

    private final MeshPlan plan;
    private final Inventory inventory;
    private final Health health;
    private final Map<String, String> clusterByGatewayAddress = new java.util.HashMap<>();

    Endpoints(MeshPlan plan, Inventory inventory, Health health) {
        this.plan = plan;
        this.inventory = inventory;
        this.health = health;
        plan.spec().clusters().forEach(c -> clusterByGatewayAddress.putIfAbsent(GatewayAddressPlaceholder.addressOf(c), c.name()));
    }

    /** The ServiceEntry for the host that the client's sidecar sees (exported to its namespace). */
    Optional<ServiceEntry> serviceEntry(Workload client, String host) {
        return plan.cluster(client.cluster()).ofType(ServiceEntry.class).stream()
                .filter(s -> s.getSpec().getHosts().contains(host)
                        && Hosts.exported(s.getSpec().getExportTo(), s.getMetadata().getNamespace(), client.namespace()))
                .findFirst();
    }

    /** The WorkloadEntries the host's ServiceEntry selects in the client's cluster (remote endpoints). */
    List<WorkloadEntry> workloadEntries(Workload client, String host) {
        Optional<ServiceEntry> se = serviceEntry(client, host);
        if (se.isEmpty() || se.get().getSpec().getWorkloadSelector() == null) {
            return List.of();
        }
        String ns = se.get().getMetadata().getNamespace();
        Map<String, String> selector = se.get().getSpec().getWorkloadSelector().getLabels();
        return plan.cluster(client.cluster()).ofType(WorkloadEntry.class).stream()
                .filter(we -> we.getMetadata().getNamespace().equals(ns) && Inventory.selects(selector, we.getSpec().getLabels()))
                .toList();
    }

    List<Endpoint> of(Workload client, String host) {
        ClusterPlan cluster = plan.cluster(client.cluster());
        Optional<ServiceEntry> se = serviceEntry(client, host);
        if (se.isPresent()) {
            if (se.get().getSpec().getWorkloadSelector() == null) {
                return List.of();
            }
            String ns = se.get().getMetadata().getNamespace();
            Map<String, String> selector = se.get().getSpec().getWorkloadSelector().getLabels();
            List<Endpoint> out = new ArrayList<>(pods(client.cluster(), ns, selector));
            for (WorkloadEntry we : cluster.ofType(WorkloadEntry.class)) {
                var spec = we.getSpec();
                if (we.getMetadata().getNamespace().equals(ns) && Inventory.selects(selector, spec.getLabels())) {
                    out.add(remote(client.cluster(), ns, spec.getLabels(), spec.getNetwork(), spec.getLocality(), spec.getWeight(), spec.getAddress()));
                }
            }
            return out;
        }
        Optional<Map<String, String>> selector = serviceSelector(client.cluster(), host);
        if (selector.isEmpty()) {
            return List.of();
        }
        List<Endpoint> out = new ArrayList<>(pods(client.cluster(), namespaceOf(host), selector.get()));
        for (WorkloadEntry we : serviceWorkloadEntries(client.cluster(), host)) {
            var spec = we.getSpec();
            out.add(remote(client.cluster(), namespaceOf(host), spec.getLabels(), spec.getNetwork(), spec.getLocality(), spec.getWeight(),
                    spec.getAddress()));
        }
        return out;
    }

    /**
     * Ambient: the WorkloadEntries of another network that a global Kubernetes Service stands for in
     * the cluster. The Service selects WorkloadEntries of its namespace (PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES,
     * pilot/pkg/serviceregistry/ambient/workloads.go {@code workloadEntryWorkloadBuilder}); ztunnel gets
     * them only coalesced behind their network's gateway, which istiod does for GLOBAL services only
     * (multicluster.go {@code coalescedWorkloads}; {@code istio.io/global}, the ambient profile's
     * serviceScopeConfigs), and the gateway of the backing cluster passes on only GLOBAL services of its
     * own (pilot/pkg/xds/xdsgen.go), so both clusters' Services must be global (Istio 1.30.3).
     */
    List<WorkloadEntry> serviceWorkloadEntries(String cluster, String host) {
        if (!plan.spec().ambient() || !global(cluster, host)) {
            return List.of();
        }
        Map<String, String> selector = serviceSelector(cluster, host).orElse(Map.of());
        String ns = namespaceOf(host);
        return plan.cluster(cluster).ofType(WorkloadEntry.class).stream()
                .filter(we -> we.getMetadata().getNamespace().equals(ns) && !selector.isEmpty()
                        && Inventory.selects(selector, we.getSpec().getLabels()))
                .filter(we -> {
                    String backing = clusterOfGateway(we.getSpec().getAddress());
                    return backing != null && global(backing, host);
                })
                .toList();
    }

    /** A rendered Service for the host labelled {@code istio.io/global: "true"} in the cluster. */
    boolean global(String cluster, String host) {
        return renderedService(cluster, host).map(s -> s.getMetadata().getLabels() != null
                && "true".equals(s.getMetadata().getLabels().get("istio.io/global"))).orElse(false);
    }

    private Optional<Service> renderedService(String cluster, String host) {
        if (!host.endsWith(".svc.cluster.local")) {
            return Optional.empty();
        }
        String name = host.split("\\.")[0];
        String ns = namespaceOf(host);
        return plan.cluster(cluster).ofType(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(name) && s.getMetadata().getNamespace().equals(ns)).findFirst();
    }

    /** The selector of {@code name.ns.svc.cluster.local} in a cluster: a rendered Service, else the inventory's. */
    Optional<Map<String, String>> serviceSelector(String cluster, String host) {
        if (!host.endsWith(".svc.cluster.local")) {
            return Optional.empty();
        }
        String name = host.split("\\.")[0];
        String ns = namespaceOf(host);
        Optional<Map<String, String>> rendered = plan.cluster(cluster).ofType(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(name) && s.getMetadata().getNamespace().equals(ns))
                .map(s -> s.getSpec().getSelector()).findFirst();
        if (rendered.isPresent()) {
            return rendered;
        }
        return inventory.in(cluster, ns).stream().filter(w -> w.service().equals(name)).findFirst()
                .map(w -> plan.spec().backings(name, ns).get(0).selector());
    }

    List<Endpoint> pods(String cluster, String namespace, Map<String, String> selector) {
        return inventory.in(cluster, namespace).stream().filter(w -> Inventory.selects(selector, w.labels()))
                .map(w -> new Endpoint(cluster, w.version(), w.labels(), w.locality(), 1,
                        health.healthy(cluster, namespace, w.service()), "pod " + w.describe()))
                .toList();
    }

    /**
     * A WorkloadEntry at a remote east-west gateway. It serves from the cluster whose gateway its
     * address is; istiod labels it as read in {@code reader}, like any endpoint.
     */
    private Endpoint remote(String reader, String ns, Map<String, String> labels, String network, String locality, Long weight, String address) {
        String cluster = clusterOfGateway(address);
        Map<String, String> podLabels = podSelector(labels);
        boolean healthy = cluster != null && inventory.in(cluster, ns).stream()
                .anyMatch(w -> Inventory.selects(podLabels, w.labels()) && health.healthy(cluster, ns, w.service()));
        Map<String, String> istioView = new java.util.TreeMap<>(labels);
        istioView.putAll(Inventory.istioLabels(reader, network, locality));
        return new Endpoint(cluster == null ? "?" : cluster, labels.get("version"), istioView, locality, weight == null ? 1 : weight, healthy,
                "gateway " + address);
    }

    /** The labels of a WorkloadEntry that the remote pods it stands for carry too. */
    static Map<String, String> podSelector(Map<String, String> workloadEntryLabels) {
        Map<String, String> selector = new java.util.TreeMap<>(workloadEntryLabels);
        selector.keySet().removeIf(k -> k.startsWith("meshfed.io/"));
        return selector;
    }

    /** The cluster whose east-west gateway a WorkloadEntry's address is; null when none. */
    String clusterOfGateway(String address) {
        return clusterByGatewayAddress.get(address);
    }

    /**
     * The DestinationRule a proxy applies to a host: among the rules for it exported to the
     * proxy's namespace, Istio prefers one in that namespace, then the first other.
     */
    Optional<DestinationRule> destinationRule(Workload client, String host) {
        List<DestinationRule> visible = plan.cluster(client.cluster()).ofType(DestinationRule.class).stream()
                .filter(d -> Hosts.matches(d.getSpec().getHost(), d.getMetadata().getNamespace(), host)
                        && Hosts.exported(d.getSpec().getExportTo(), d.getMetadata().getNamespace(), client.namespace()))
                .toList();
        return visible.stream().filter(d -> d.getMetadata().getNamespace().equals(client.namespace())).findFirst()
                .or(() -> visible.stream().findFirst());
    }

    /** A cluster's east-west gateway as a proxy: its namespace, and the labels istiod gives it. */
    Workload eastWestGateway(String cluster) {
        ClusterSpec c = plan.spec().requireCluster(cluster);
        Map<String, String> labels = new java.util.TreeMap<>(Inventory.istioLabels(cluster, c.effectiveNetwork(), c.locality().istioLocality()));
        labels.put("istio", "eastwestgateway");
        return new Workload(cluster, c.eastWestGateway().namespace(), "istio-eastwestgateway", "istio-eastwestgateway", null, labels,
                c.effectiveTrustDomain(), c.locality().istioLocality());
    }

    static String namespaceOf(String host) {
        return host.split("\\.")[1];
    }
}
