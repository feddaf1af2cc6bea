package io.meshfed.translate;

import io.fabric8.istio.api.networking.v1.WorkloadEntry;
import io.fabric8.istio.api.networking.v1.WorkloadEntryBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.meshfed.spec.ExportSpec;
import io.meshfed.spec.NamespaceRef;
import io.meshfed.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ambient federation in upstream Istio 1.30.3's terms, from each cluster's own objects (no remote
 * secrets). Upstream ztunnels reach another network only through a GLOBAL service: istiod drops every
 * workload of another network from what ztunnel receives and replaces it by one "split-horizon"
 * workload per network and global service, behind that network's gateway
 * (pilot/pkg/serviceregistry/ambient/multicluster.go {@code networkLocalWorkloads},
 * {@code coalescedWorkloads}); only Kubernetes Services can be GLOBAL (services.go
 * {@code matchServiceScope}, which ServiceEntries never pass). So in every participating cluster:
 * <ul>
 * <li>the service's own Kubernetes Service, labelled {@code istio.io/global: "true"} (the ambient
 * profile's {@code serviceScopeConfigs} make it GLOBAL; the east-west gateway of a backing cluster
 * serves only GLOBAL services, pilot/pkg/xds/xdsgen.go);</li>
 * <li>a WorkloadEntry per remote backing cluster and version, on that cluster's network, with the
 * service's labels: the Service selects it (PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES, default true,
 * pilot/pkg/features/pilot.go), istiod coalesces it into the split-horizon workload and its service
 * account into the service's SANs;</li>
 * <li>where a backing cluster runs a waypoint for the namespace and this cluster neither backs the
 * service nor runs one there: that cluster's east-west gateway hands the inner tunnel to the waypoint
 * (listener_waypoint.go buildWaypointInternal), whose identity ztunnel must expect
 * (istio/ztunnel 1.30.3 src/proxy/outbound.rs {@code build_request_through_gateway}: the inner
 * tunnel is verified against the waypoint's SANs when the service has one). The Service therefore
 * names a waypoint ({@code istio.io/use-waypoint}), standing for the remote one: an unmanaged
 * {@code istio-remote} Gateway whose status address — its spec address,
 * pilot/pkg/config/kube/gateway/conversion.go {@code reportUnmanagedGatewayStatus} — is the waypoint
 * Service's host name (any Gateway with a status address is a waypoint to the ambient index,
 * waypoints.go {@code gatewayToWaypointTransform}), a global waypoint Service with the HBONE port and a
 * WorkloadEntry with the waypoint's service account on the remote network.</li>
 * </ul>
 */
final class AmbientPeering {

    static final String USE_WAYPOINT = "istio.io/use-waypoint";
    private static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

    private final Context ctx;

    AmbientPeering(Context ctx) {
        this.ctx = ctx;
    }

    List<MeshObject> translate(String cluster) {
        Map<String, MeshObject> out = new LinkedHashMap<>();
        for (ExportSpec export : ctx.exportsInto(cluster)) {
            participant(cluster, export).forEach(o -> out.putIfAbsent(key(o), o));
        }
        return new ArrayList<>(out.values());
    }

    private static String key(MeshObject o) {
        var meta = ((io.fabric8.kubernetes.api.model.HasMetadata) o.object()).getMetadata();
        return o.object().getClass().getSimpleName() + "/" + meta.getNamespace() + "/" + meta.getName();
    }

    private List<MeshObject> participant(String cluster, ExportSpec export) {
        String ns = export.namespace();
        Parent parent = new Parent("Service", export.service(), cluster);
        List<ServiceSpec> backings = ctx.graph.backings(export.service(), ns).stream()
                .filter(b -> ctx.graph.reachable(cluster, b.cluster(), export.service(), ns)).toList();
        ServiceSpec any = ctx.graph.backings(export.service(), ns).get(0);
        boolean backsHere = backings.stream().anyMatch(b -> b.cluster().equals(cluster));
        List<String> remoteWaypoints = backsHere || hasWaypoint(cluster, ns) ? List.of()
                : backings.stream().map(ServiceSpec::cluster).filter(c -> hasWaypoint(c, ns)).distinct().toList();
        List<MeshObject> out = new ArrayList<>();
        out.add(MeshObject.of(Stage.FEDERATION, globalService(any, parent, !remoteWaypoints.isEmpty())));
        for (ServiceSpec remote : backings) {
            if (!remote.cluster().equals(cluster)) {
                for (WorkloadEntry entry : workloadEntries(remote, parent)) {
                    out.add(new MeshObject(Stage.FEDERATION, entry, Set.of(remote.cluster())));
                }
            }
        }
        if (!remoteWaypoints.isEmpty()) {
            Parent waypoint = new Parent("Waypoint", ns, cluster);
            out.add(MeshObject.of(Stage.FEDERATION, waypointGateway(ns, waypoint)));
            out.add(MeshObject.of(Stage.FEDERATION, waypointService(ns, waypoint)));
            for (String remote : remoteWaypoints) {
                out.add(new MeshObject(Stage.FEDERATION, waypointEntry(ns, remote, waypoint), Set.of(remote)));
            }
        }
        return out;
    }

    private boolean hasWaypoint(String cluster, String ns) {
        return ctx.spec.istio().waypoints().contains(new NamespaceRef(cluster, ns));
    }

    private Service globalService(ServiceSpec service, Parent parent, boolean remoteWaypoint) {
        Map<String, String> labels = new TreeMap<>(Map.of(FederationTranslation.GLOBAL_SERVICE_LABEL, "true"));
        if (remoteWaypoint) {
            labels.put(USE_WAYPOINT, WaypointTranslation.WAYPOINT);
        }
        return new ServiceBuilder()
                .withMetadata(ctx.meta(service.name(), service.namespace(), parent, labels))
                .withNewSpec()
                .withSelector(new TreeMap<>(service.selector()))
                .withPorts(service.ports().stream().map(FederationTranslation::kubePort).toList())
                .endSpec()
                .build();
    }

    private List<WorkloadEntry> workloadEntries(ServiceSpec remote, Parent parent) {
        return FederationTranslation.remoteWorkloadEntries(ctx, remote, parent, p -> p.number(), true);
    }

    private io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway waypointGateway(String ns, Parent parent) {
        return new GatewayBuilder()
                .withMetadata(ctx.meta(WaypointTranslation.WAYPOINT, ns, parent))
                .withNewSpec()
                .withGatewayClassName(AmbientGatewayTranslation.REMOTE_CLASS)
                .addNewAddress().withType("Hostname").withValue(WaypointTranslation.WAYPOINT + "." + ns + ".svc.cluster.local").endAddress()
                .addNewListener().withName("mesh").withPort(io.meshfed.spec.EastWestGatewaySpec.HBONE_PORT).withProtocol("HBONE").endListener()
                .endSpec()
                .build();
    }

    private Service waypointService(String ns, Parent parent) {
        return new ServiceBuilder()
                .withMetadata(ctx.meta(WaypointTranslation.WAYPOINT, ns, parent, Map.of(FederationTranslation.GLOBAL_SERVICE_LABEL, "true")))
                .withNewSpec()
                .withSelector(Map.of(GATEWAY_NAME_LABEL, WaypointTranslation.WAYPOINT))
                .withPorts(new ServicePortBuilder().withName("mesh").withPort(io.meshfed.spec.EastWestGatewaySpec.HBONE_PORT)
                        .withTargetPort(new IntOrString(io.meshfed.spec.EastWestGatewaySpec.HBONE_PORT)).withAppProtocol("hbone").build())
                .endSpec()
                .build();
    }

    /** The remote waypoint: its pods are labelled with its Gateway's name and run as the service account of that name. */
    private WorkloadEntry waypointEntry(String ns, String remote, Parent parent) {
        return new WorkloadEntryBuilder()
                .withMetadata(ctx.meta(Names.of(WaypointTranslation.WAYPOINT, remote), ns, parent))
                .withNewSpec()
                .withAddress(ctx.gatewayAddress(remote))
                .withLabels(Map.of(GATEWAY_NAME_LABEL, WaypointTranslation.WAYPOINT, Context.BACKING_CLUSTER_LABEL, remote))
                .withNetwork(ctx.cluster(remote).effectiveNetwork())
                .withServiceAccount(WaypointTranslation.WAYPOINT)
                .endSpec()
                .build();
    }
}
