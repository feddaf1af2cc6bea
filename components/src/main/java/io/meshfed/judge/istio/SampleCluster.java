package io.meshfed.judge.istio;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.PortSpec;
import io.meshfed.spec.ServiceSpec;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.HelmRelease;
import io.meshfed.verify.Inventory;
import io.meshfed.verify.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kubernetes objects of one running cluster, as kubelet, the sidecar injector and the
 * EndpointSlice controller would have written them for the spec's service inventory: a Node with
 * the cluster's locality, the namespaces meshfed renders, a Service per declared service (with the
 * labels of the rendered Service of that name, if any) and per other rendered Service, a pod per
 * version (ambient: redirected by istio-cni in ambient namespaces), EndpointSlices, the east-west
 * gateway's Service (with its LoadBalancer address) and pod, and for ambient Gateways istiod
 * manages their pod, Service and status ({@link GatewayDeployments}). Pod IPs are {@code 10.<100+cluster index>.<n / 250>.<n % 250 + 1>}, stable for a spec.
 */
public final class SampleCluster {

    static final String NETWORK_LABEL = "topology.istio.io/network";
    static final String DATAPLANE_MODE = "istio.io/dataplane-mode";
    /** Set by istio-cni once it redirected the pod to ztunnel (pkg/config/constants/constants.go AmbientRedirectionEnabled). */
    static final String AMBIENT_REDIRECTION = "ambient.istio.io/redirection";
    private static final String NODE = "node-1";

    private final ClusterSpec cluster;
    private final List<SamplePod> pods = new ArrayList<>();
    private final List<HasMetadata> objects = new ArrayList<>();

    private SampleCluster(ClusterSpec cluster) {
        this.cluster = cluster;
    }

    public static SampleCluster of(MeshSpec spec, ClusterPlan plan) {
        ClusterSpec cluster = spec.requireCluster(plan.cluster());
        SampleCluster sample = new SampleCluster(cluster);
        int clusterIndex = spec.clusters().indexOf(cluster);
        sample.objects.add(sample.node());
        plan.ofType(Namespace.class).forEach(n -> sample.objects.add(new NamespaceBuilder(n).build()));
        List<Workload> workloads = Inventory.of(spec).all().stream().filter(w -> w.cluster().equals(cluster.name())).toList();
        Map<String, io.fabric8.kubernetes.api.model.Service> rendered = new TreeMap<>();
        plan.ofType(io.fabric8.kubernetes.api.model.Service.class).forEach(s -> rendered.put(key(s), s));
        int n = 0;
        for (ServiceSpec service : spec.services()) {
            if (!service.cluster().equals(cluster.name())) {
                continue;
            }
            List<SamplePod> servicePods = new ArrayList<>();
            for (Workload w : workloads) {
                if (w.service().equals(service.name()) && w.namespace().equals(service.namespace())) {
                    servicePods.add(sample.pod(w, service, ip(clusterIndex, n++), proxyKind(spec, plan, service.namespace())));
                }
            }
            var own = rendered.remove(service.namespace() + "/" + service.name());
            Map<String, String> labels = own == null || own.getMetadata().getLabels() == null ? Map.of() : own.getMetadata().getLabels();
            sample.objects.add(service(service.name(), service.namespace(), service.selector(), labels, servicePorts(service),
                    clusterIp(spec.services().indexOf(service))));
            sample.objects.add(endpointSlice(service.name(), service.namespace(), servicePods, servicePorts(service)));
        }
        sample.renderedServices(rendered.values());
        plan.releases().stream().filter(r -> r.name().equals("istio-eastwestgateway")).findFirst()
                .ifPresent(r -> sample.eastWestGateway(r, ip(clusterIndex, 250 * 250 - 1)));
        int k = 0;
        for (Gateway g : plan.ofType(Gateway.class).stream().filter(GatewayDeployments::managed).toList()) {
            sample.managedGateway(g, ip(clusterIndex, 250 * 250 - 2 - k), "172.21.1." + (k + 1));
            k++;
        }
        plan.ofType(Gateway.class).stream().filter(GatewayDeployments::remote)
                .forEach(g -> sample.objects.add(GatewayDeployments.remoteWithStatus(g)));
        return sample;
    }

    private static String key(HasMetadata o) {
        return o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
    }

    /**
     * Sidecar meshes inject a sidecar everywhere; in ambient meshes ztunnel captures the pods of
     * namespaces labelled {@code istio.io/dataplane-mode: ambient}, the others are out of the mesh.
     */
    private static SamplePod.ProxyKind proxyKind(MeshSpec spec, ClusterPlan plan, String namespace) {
        if (!spec.istio().ambient()) {
            return SamplePod.ProxyKind.SIDECAR;
        }
        boolean captured = plan.ofType(Namespace.class).stream().anyMatch(ns -> ns.getMetadata().getName().equals(namespace)
                && ns.getMetadata().getLabels() != null && "ambient".equals(ns.getMetadata().getLabels().get(DATAPLANE_MODE)));
        return captured ? SamplePod.ProxyKind.ZTUNNEL : SamplePod.ProxyKind.NONE;
    }

    /** Rendered Services of no inventory service (e.g. one per routed version): a ClusterIP and the pods they select. */
    private void renderedServices(java.util.Collection<io.fabric8.kubernetes.api.model.Service> services) {
        int i = 0;
        for (io.fabric8.kubernetes.api.model.Service s : services) {
            Map<String, String> selector = s.getSpec().getSelector() == null ? Map.of() : s.getSpec().getSelector();
            List<SamplePod> selected = pods.stream().filter(p -> p.namespace().equals(s.getMetadata().getNamespace())
                    && !selector.isEmpty() && p.labels().entrySet().containsAll(selector.entrySet())).toList();
            List<ServicePort> ports = s.getSpec().getPorts().stream().map(p -> new ServicePortBuilder(p).withProtocol("TCP").build()).toList();
            objects.add(service(s.getMetadata().getName(), s.getMetadata().getNamespace(), selector,
                    s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels(), ports,
                    "172.22." + (i / 250) + "." + (i % 250 + 1)));
            objects.add(endpointSlice(s.getMetadata().getName(), s.getMetadata().getNamespace(), selected, ports));
            i++;
        }
    }

    /** An ambient waypoint or east-west gateway as istiod's deployment controller runs it ({@link GatewayDeployments}). */
    private void managedGateway(Gateway g, String ip, String clusterIp) {
        SamplePod pod = GatewayDeployments.pod(g, cluster, ip);
        pods.add(pod);
        objects.add(podObject(pod));
        io.fabric8.kubernetes.api.model.Service service = GatewayDeployments.service(g, cluster, clusterIp);
        objects.add(service);
        objects.add(endpointSlice(service.getMetadata().getName(), service.getMetadata().getNamespace(), List.of(pod),
                service.getSpec().getPorts()));
        objects.add(GatewayDeployments.withStatus(g, cluster, clusterIp));
    }

    static String ip(int clusterIndex, int n) {
        return "10." + (100 + clusterIndex) + "." + (n / 250) + "." + (n % 250 + 1);
    }

    public String cluster() {
        return cluster.name();
    }

    public List<SamplePod> pods() {
        return List.copyOf(pods);
    }

    public List<HasMetadata> objects() {
        return List.copyOf(objects);
    }

    private HasMetadata node() {
        Map<String, String> labels = new TreeMap<>();
        labels.put("kubernetes.io/hostname", NODE);
        if (cluster.locality() != null && cluster.locality().region() != null) {
            labels.put("topology.kubernetes.io/region", cluster.locality().region());
        }
        if (cluster.locality() != null && cluster.locality().zone() != null) {
            labels.put("topology.kubernetes.io/zone", cluster.locality().zone());
        }
        return new NodeBuilder().withNewMetadata().withName(NODE).withLabels(labels).endMetadata().build();
    }

    /** Labels as the sidecar injector leaves them (inject/webhook.go adds the network and tlsMode labels). */
    private SamplePod pod(Workload w, ServiceSpec service, String ip, SamplePod.ProxyKind proxy) {
        Map<String, String> labels = new TreeMap<>(service.selector());
        if (w.version() != null) {
            labels.put("version", w.version());
        }
        if (proxy == SamplePod.ProxyKind.SIDECAR) {
            labels.put("security.istio.io/tlsMode", "istio");
            labels.put("service.istio.io/canonical-name", service.name());
            if (w.version() != null) {
                labels.put("service.istio.io/canonical-revision", w.version());
            }
        }
        labels.put(NETWORK_LABEL, cluster.effectiveNetwork());
        String name = service.name() + (w.version() == null ? "" : "-" + w.version()) + "-0";
        SamplePod pod = new SamplePod(w, name, w.namespace(), ip, w.serviceAccount(), labels, proxy);
        pods.add(pod);
        objects.add(podObject(pod));
        return pod;
    }

    private void eastWestGateway(HelmRelease release, String ip) {
        @SuppressWarnings("unchecked")
        Map<String, String> labels = new TreeMap<>((Map<String, String>) release.values().get("labels"));
        labels.put("security.istio.io/tlsMode", "istio");
        labels.put("service.istio.io/canonical-name", "istio-eastwestgateway");
        SamplePod pod = new SamplePod(null, "istio-eastwestgateway-0", release.namespace(), ip, "istio-eastwestgateway",
                labels, SamplePod.ProxyKind.ROUTER);
        pods.add(pod);
        objects.add(podObject(pod));
        List<ServicePort> ports = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> service = (Map<String, Object>) release.values().get("service");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> declared = (List<Map<String, Object>>) service.get("ports");
        for (Map<String, Object> p : declared) {
            ports.add(new ServicePortBuilder().withName((String) p.get("name")).withPort((Integer) p.get("port"))
                    .withTargetPort(new IntOrString((Integer) p.get("targetPort"))).withProtocol("TCP").build());
        }
        ServiceBuilder gateway = new ServiceBuilder(service("istio-eastwestgateway", release.namespace(),
                Map.of("istio", "eastwestgateway"), labels, ports, "172.21.0.1"));
        gateway.editSpec().withType("LoadBalancer").endSpec();
        if (cluster.eastWestGateway().hasAddress()) {
            gateway.withNewStatus().withNewLoadBalancer().addNewIngress().withIp(cluster.eastWestGateway().address())
                    .endIngress().endLoadBalancer().endStatus();
        }
        objects.add(gateway.build());
        objects.add(endpointSlice("istio-eastwestgateway", release.namespace(), List.of(pod), ports));
    }

    private static HasMetadata podObject(SamplePod pod) {
        Map<String, String> annotations = pod.proxy() == SamplePod.ProxyKind.ZTUNNEL ? Map.of(AMBIENT_REDIRECTION, "enabled") : Map.of();
        return new PodBuilder().withNewMetadata().withName(pod.name()).withNamespace(pod.namespace()).withLabels(pod.labels())
                .withAnnotations(annotations).endMetadata()
                .withNewSpec().withNodeName(NODE).withServiceAccountName(pod.serviceAccount())
                .addNewContainer().withName("app").withImage("sample").endContainer().endSpec()
                .withNewStatus().withPhase("Running").withPodIP(pod.ip()).addNewPodIP().withIp(pod.ip()).endPodIP()
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build();
    }

    private static List<ServicePort> servicePorts(ServiceSpec s) {
        List<ServicePort> ports = new ArrayList<>();
        for (PortSpec p : s.ports()) {
            ports.add(new ServicePortBuilder().withName(p.effectiveName()).withPort(p.number())
                    .withTargetPort(new IntOrString(p.number())).withProtocol("TCP").build());
        }
        return ports;
    }

    private static io.fabric8.kubernetes.api.model.Service service(String name, String namespace, Map<String, String> selector, Map<String, String> labels,
            List<ServicePort> ports, String clusterIp) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec().withSelector(selector).withPorts(ports).withType("ClusterIP")
                .withClusterIP(clusterIp).endSpec()
                .build();
    }

    /** A ClusterIP in 172.20.0.0/16 from the service's place in the spec's inventory. */
    static String clusterIp(int serviceIndex) {
        return "172.20." + (serviceIndex / 250) + "." + (serviceIndex % 250 + 1);
    }

    private static HasMetadata endpointSlice(String service, String namespace, List<SamplePod> pods, List<ServicePort> ports) {
        EndpointSliceBuilder slice = new EndpointSliceBuilder().withNewMetadata().withName(service + "-1").withNamespace(namespace)
                .withLabels(Map.of("kubernetes.io/service-name", service, "endpointslice.kubernetes.io/managed-by",
                        "endpointslice-controller.k8s.io"))
                .endMetadata().withAddressType("IPv4");
        for (SamplePod p : pods) {
            slice.addToEndpoints(new EndpointBuilder().withAddresses(p.ip()).withNodeName(NODE).withNewConditions().withReady(true)
                    .withServing(true).withTerminating(false).endConditions()
                    .withNewTargetRef().withKind("Pod").withName(p.name()).withNamespace(p.namespace()).endTargetRef().build());
        }
        for (ServicePort port : ports) {
            slice.addToPorts(new EndpointPortBuilder().withName(port.getName()).withPort(port.getPort()).withProtocol("TCP").build());
        }
        return slice.build();
    }
}
