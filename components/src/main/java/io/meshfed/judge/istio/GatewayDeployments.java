package io.meshfed.judge.istio;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusAddress;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.meshfed.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What istiod's gateway deployment controller creates for an ambient Gateway it manages (classes
 * {@code istio-waypoint} and {@code istio-east-west}) and what its status controller writes back, as
 * of Istio 1.30.3:
 * <ul>
 * <li>the label {@code gateway.istio.io/managed} on everything it applies ({@code apply});</li>
 * <li>names: Deployment, Service and ServiceAccount are named after the Gateway, without a class
 * suffix (pilot/pkg/config/kube/gatewaycommon/classinfo.go {@code DisableNameSuffix});</li>
 * <li>labels: the Gateway's own labels (deploymentcontroller.go {@code extractInfrastructureMetadata},
 * PILOT_ENABLE_GATEWAY_API_COPY_LABELS_ANNOTATIONS defaults to true), the cluster's network when
 * the Gateway has none ({@code setLabelOverrides}); the pod adds {@code gateway.networking.k8s.io/gateway-name},
 * {@code -class-name}, {@code gateway.istio.io/managed}, {@code istio.io/dataplane-mode: none} and the
 * canonical name (istio-discovery files/waypoint.yaml);</li>
 * <li>Service annotation {@code networking.istio.io/traffic-distribution: PreferClose} (files/waypoint.yaml);</li>
 * <li>Service ports: {@code status-port} 15021 and one per listener port, appProtocol the listener's
 * protocol in lower case ({@code extractServicePorts}); ClusterIP for waypoints, LoadBalancer for
 * east-west gateways ({@code DefaultServiceType});</li>
 * <li>status addresses: the Service's external addresses, else its ClusterIP and host name (both, since
 * these classes have no {@code AddressType}; pilot/pkg/config/kube/gateway/conversion.go
 * {@code reportGatewayStatus}). The ambient index ignores a Gateway without status addresses
 * (pilot/pkg/serviceregistry/ambient/waypoints.go).</li>
 * </ul>
 */
final class GatewayDeployments {

    static final String WAYPOINT_CLASS = "istio-waypoint";
    static final String EAST_WEST_CLASS = "istio-east-west";
    static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

    private GatewayDeployments() {
    }

    static final String MANAGED_LABEL = "gateway.istio.io/managed";
    static final String REMOTE_CLASS = "istio-remote";

    /**
     * The label value the controller sets on every object it applies: its controller name with '/'
     * replaced by '-' (deploymentcontroller.go {@code apply}; constants.go ManagedGatewayMeshControllerLabel,
     * ManagedGatewayEastWestControllerLabel).
     */
    static String controllerLabel(Gateway g) {
        return EAST_WEST_CLASS.equals(g.getSpec().getGatewayClassName()) ? "istio.io-eastwest-controller" : "istio.io-mesh-controller";
    }

    /**
     * An {@code istio-remote} Gateway is not deployed; istiod reports its spec addresses as its status
     * (pilot/pkg/config/kube/gateway/conversion.go {@code reportUnmanagedGatewayStatus}).
     */
    static boolean remote(Gateway g) {
        return REMOTE_CLASS.equals(g.getSpec().getGatewayClassName());
    }

    static HasMetadata remoteWithStatus(Gateway g) {
        List<GatewayStatusAddress> addresses = g.getSpec().getAddresses() == null ? List.of()
                : g.getSpec().getAddresses().stream().map(a -> new GatewayStatusAddress(a.getType(), a.getValue())).toList();
        return new GatewayBuilder(g).withNewStatus().withAddresses(addresses).endStatus().build();
    }

    static boolean managed(Gateway g) {
        return WAYPOINT_CLASS.equals(g.getSpec().getGatewayClassName()) || EAST_WEST_CLASS.equals(g.getSpec().getGatewayClassName());
    }

    /** The pod of the Gateway's Deployment (one replica). */
    static SamplePod pod(Gateway g, ClusterSpec cluster, String ip) {
        boolean eastWest = EAST_WEST_CLASS.equals(g.getSpec().getGatewayClassName());
        String name = g.getMetadata().getName();
        Map<String, String> labels = new TreeMap<>();
        labels.put("sidecar.istio.io/inject", "false");
        labels.put("istio.io/dataplane-mode", "none");
        labels.put("service.istio.io/canonical-name", name);
        labels.put("service.istio.io/canonical-revision", "latest");
        labels.putAll(infrastructureLabels(g, cluster));
        labels.put(GATEWAY_NAME_LABEL, name);
        labels.put("gateway.networking.k8s.io/gateway-class-name", g.getSpec().getGatewayClassName());
        labels.put(MANAGED_LABEL, controllerLabel(g));
        return new SamplePod(null, name + "-0", g.getMetadata().getNamespace(), ip, name, labels,
                eastWest ? SamplePod.ProxyKind.EAST_WEST : SamplePod.ProxyKind.WAYPOINT);
    }

    static Map<String, String> infrastructureLabels(Gateway g, ClusterSpec cluster) {
        Map<String, String> labels = new TreeMap<>();
        if (g.getMetadata().getLabels() != null) {
            labels.putAll(g.getMetadata().getLabels());
        }
        labels.putIfAbsent(SampleCluster.NETWORK_LABEL, cluster.effectiveNetwork());
        return labels;
    }

    /** The Gateway's Service. */
    static io.fabric8.kubernetes.api.model.Service service(Gateway g, ClusterSpec cluster, String clusterIp) {
        boolean eastWest = EAST_WEST_CLASS.equals(g.getSpec().getGatewayClassName());
        Map<String, String> labels = infrastructureLabels(g, cluster);
        labels.put(GATEWAY_NAME_LABEL, g.getMetadata().getName());
        labels.put("gateway.networking.k8s.io/gateway-class-name", g.getSpec().getGatewayClassName());
        labels.put(MANAGED_LABEL, controllerLabel(g));
        ServiceBuilder service = new ServiceBuilder().withNewMetadata().withName(g.getMetadata().getName())
                .withNamespace(g.getMetadata().getNamespace()).withLabels(labels)
                .withAnnotations(Map.of("networking.istio.io/traffic-distribution", "PreferClose")).endMetadata()
                .withNewSpec().withSelector(Map.of(GATEWAY_NAME_LABEL, g.getMetadata().getName())).withPorts(ports(g))
                .withType(eastWest ? "LoadBalancer" : "ClusterIP").withClusterIP(clusterIp).endSpec();
        String external = externalAddress(g, cluster);
        if (external != null) {
            service.withNewStatus().withNewLoadBalancer().addNewIngress().withIp(isIp(external) ? external : null)
                    .withHostname(isIp(external) ? null : external).endIngress().endLoadBalancer().endStatus();
        }
        return service.build();
    }

    static List<ServicePort> ports(Gateway g) {
        List<ServicePort> ports = new ArrayList<>();
        ports.add(new ServicePortBuilder().withName("status-port").withPort(15021).withAppProtocol("tcp")
                .withTargetPort(new IntOrString(15021)).withProtocol("TCP").build());
        List<Integer> seen = new ArrayList<>();
        for (Listener l : g.getSpec().getListeners()) {
            if (seen.contains(l.getPort())) {
                continue;
            }
            seen.add(l.getPort());
            ports.add(new ServicePortBuilder().withName(l.getName().replace('.', '-')).withPort(l.getPort())
                    .withAppProtocol(l.getProtocol().toLowerCase(java.util.Locale.ROOT)).withTargetPort(new IntOrString(l.getPort()))
                    .withProtocol("TCP").build());
        }
        return ports;
    }

    /** The Gateway with the status addresses its controller reports. */
    static HasMetadata withStatus(Gateway g, ClusterSpec cluster, String clusterIp) {
        List<GatewayStatusAddress> addresses = new ArrayList<>();
        String external = externalAddress(g, cluster);
        if (external != null) {
            addresses.add(address(external));
        } else {
            addresses.add(address(clusterIp));
            addresses.add(address(g.getMetadata().getName() + "." + g.getMetadata().getNamespace() + ".svc.cluster.local"));
        }
        return new GatewayBuilder(g).withNewStatus().withAddresses(addresses).endStatus().build();
    }

    /** A LoadBalancer east-west gateway's address is the one the spec gives the cluster. */
    private static String externalAddress(Gateway g, ClusterSpec cluster) {
        boolean eastWest = EAST_WEST_CLASS.equals(g.getSpec().getGatewayClassName());
        return eastWest && cluster.eastWestGateway().hasAddress() ? cluster.eastWestGateway().address() : null;
    }

    private static GatewayStatusAddress address(String value) {
        return new GatewayStatusAddress(isIp(value) ? "IPAddress" : "Hostname", value);
    }

    private static boolean isIp(String value) {
        return value.matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }
}
