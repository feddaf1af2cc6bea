package io.meshfed.translate;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryLocation;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePortBuilder;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.api.networking.v1.ServiceEntryBuilder;
import io.fabric8.istio.api.networking.v1.WorkloadEntry;
import io.fabric8.istio.api.networking.v1.WorkloadEntryBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.ExportSpec;
import io.meshfed.spec.PortSpec;
import io.meshfed.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stage 6: each exported service gets, in every participating cluster, one global host
 * ({@code reviews.default.global}) backed by a ServiceEntry with a 240.0.0.0/4 VIP whose workload
 * selector picks the local pods and one WorkloadEntry per remote backing cluster and version at
 * that cluster's east-west gateway, plus a DestinationRule with ISTIO_MUTUAL, the SPIFFE IDs of
 * every backing cluster and subsets by version and cluster. Ambient meshes in upstream Istio's
 * flavor federate through global Services instead ({@link AmbientPeering}).
 */
final class FederationTranslation {

    static final String GLOBAL_SERVICE_LABEL = "istio.io/global";

    private final Context ctx;
    private final DestinationRules destinationRules;

    FederationTranslation(Context ctx, DestinationRules destinationRules) {
        this.ctx = ctx;
        this.destinationRules = destinationRules;
    }

    /** The namespaces this cluster needs for federation objects. */
    Set<String> namespaces(String cluster) {
        Set<String> namespaces = new java.util.TreeSet<>();
        for (ExportSpec e : ctx.exportsInto(cluster)) {
            namespaces.add(e.namespace());
        }
        return namespaces;
    }

    List<MeshObject> translate(String cluster) {
        if (ctx.spec.ambient() && !ctx.spec.istio().soloEastWestGateways()) {
            return new AmbientPeering(ctx).translate(cluster);
        }
        List<MeshObject> out = new ArrayList<>();
        for (ExportSpec export : ctx.exportsInto(cluster)) {
            out.addAll(participant(cluster, export));
        }
        return out;
    }

    private List<MeshObject> participant(String cluster, ExportSpec export) {
        String host = ctx.hosts.host(export);
        String ns = export.namespace();
        Parent parent = new Parent("Service", export.service(), cluster);
        List<ServiceSpec> backings = ctx.graph.backings(export.service(), ns).stream()
                .filter(b -> ctx.graph.reachable(cluster, b.cluster(), export.service(), ns))
                .toList();
        List<MeshObject> out = new ArrayList<>();
        String baseName = Names.of(export.service(), ctx.hosts.suffix());
        out.add(MeshObject.of(Stage.FEDERATION, serviceEntry(host, baseName, ns, backings, parent)));
        if (!backings.isEmpty()) {
            out.add(MeshObject.of(Stage.FEDERATION, destinationRules.global(host, baseName, ns, backings, parent)));
        }
        for (ServiceSpec remote : backings) {
            if (!remote.cluster().equals(cluster)) {
                for (WorkloadEntry entry : workloadEntries(remote, parent)) {
                    out.add(new MeshObject(Stage.FEDERATION, entry, Set.of(remote.cluster())));
                }
            }
        }
        boolean remoteBackings = backings.stream().anyMatch(b -> !b.cluster().equals(cluster));
        if (!ctx.spec.ambient() && remoteBackings) {
            backings.stream().filter(b -> b.cluster().equals(cluster)).findFirst().ifPresent(local ->
                    out.add(MeshObject.of(Stage.FEDERATION, destinationRules.eastWestGateway(host, baseName, local, parent))));
        }
        ctx.graph.backings(export.service(), ns).stream()
                .filter(b -> b.cluster().equals(cluster) && ctx.spec.ambient())
                .forEach(local -> out.add(MeshObject.of(Stage.FEDERATION, globalService(local, parent))));
        return out;
    }

    private ServiceEntry serviceEntry(String host, String name, String ns, List<ServiceSpec> backings, Parent parent) {
        ServiceSpec any = ctx.graph.backings(parent.name(), ns).get(0);
        return new ServiceEntryBuilder()
                .withMetadata(ctx.meta(name, ns, parent))
                .withNewSpec()
                .withHosts(host)
                .withAddresses(ctx.hosts.vip(host))
                .withPorts(servicePorts(any))
                .withLocation(ServiceEntryLocation.MESH_INTERNAL)
                .withResolution(ServiceEntryResolution.STATIC)
                .withExportTo("*")
                .withNewWorkloadSelector().withLabels(new TreeMap<>(any.selector())).endWorkloadSelector()
                .endSpec()
                .build();
    }

    private List<ServicePort> servicePorts(ServiceSpec service) {
        return service.ports().stream().map(p -> new ServicePortBuilder()
                .withName(p.effectiveName()).withNumber((long) p.number()).withProtocol(p.protocol()).withTargetPort((long) p.number())
                .build()).toList();
    }

    private List<WorkloadEntry> workloadEntries(ServiceSpec remote, Parent parent) {
        return remoteWorkloadEntries(ctx, remote, parent, p -> ctx.remotePort(), ctx.spec.ambient());
    }

    /**
     * One WorkloadEntry per version of a remote service, at its cluster's east-west gateway, labelled
     * with the backing cluster; {@code withNetwork}: on the remote cluster's network.
     */
    static List<WorkloadEntry> remoteWorkloadEntries(Context ctx, ServiceSpec remote, Parent parent,
            java.util.function.ToLongFunction<io.meshfed.spec.PortSpec> port, boolean withNetwork) {
        ClusterSpec c = ctx.cluster(remote.cluster());
        List<String> versions = remote.versions().isEmpty() ? java.util.Collections.singletonList(null) : remote.versions();
        List<WorkloadEntry> entries = new ArrayList<>();
        for (String version : versions) {
            Map<String, String> labels = new TreeMap<>(remote.selector());
            labels.put(Context.BACKING_CLUSTER_LABEL, remote.cluster());
            if (version != null) {
                labels.put("version", version);
            }
            Map<String, Long> ports = new LinkedHashMap<>();
            remote.ports().forEach(p -> ports.put(p.effectiveName(), port.applyAsLong(p)));
            String name = version == null ? Names.of(remote.name(), remote.cluster()) : Names.of(remote.name(), remote.cluster(), version);
            entries.add(new WorkloadEntryBuilder()
                    .withMetadata(ctx.meta(name, remote.namespace(), parent))
                    .withNewSpec()
                    .withAddress(ctx.gatewayAddress(remote.cluster()))
                    .withLabels(labels)
                    .withPorts(ports)
                    .withLocality(c.locality().istioLocality().isEmpty() ? null : c.locality().istioLocality())
                    .withNetwork(withNetwork ? c.effectiveNetwork() : null)
                    .withServiceAccount(remote.effectiveServiceAccount())
                    .endSpec()
                    .build());
        }
        return entries;
    }

    private Service globalService(ServiceSpec local, Parent parent) {
        return new ServiceBuilder()
                .withMetadata(ctx.meta(local.name(), local.namespace(), parent, Map.of(GLOBAL_SERVICE_LABEL, "true")))
                .withNewSpec()
                .withSelector(new TreeMap<>(local.selector()))
                .withPorts(local.ports().stream().map(FederationTranslation::kubePort).toList())
                .endSpec()
                .build();
    }

    static io.fabric8.kubernetes.api.model.ServicePort kubePort(PortSpec p) {
        return new io.fabric8.kubernetes.api.model.ServicePortBuilder().withName(p.effectiveName()).withPort(p.number()).withTargetPort(new IntOrString(p.number())).build();
    }
}
