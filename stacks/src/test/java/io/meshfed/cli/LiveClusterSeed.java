package io.meshfed.cli;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.meshfed.trust.CaCerts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Seeds a mock API server with what a live Istio cluster holds. */
final class LiveClusterSeed {

    private final KubernetesClient client;

    LiveClusterSeed(KubernetesClient client) {
        this.client = client;
    }

    LiveClusterSeed namespace(String name, Map<String, String> labels) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build()).create();
        return this;
    }

    LiveClusterSeed istiod(String name, String revision, String image) {
        client.apps().deployments().inNamespace("istio-system").resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace("istio-system").withLabels(Map.of("app", "istiod", "istio.io/rev", revision))
                .endMetadata().withNewSpec().withNewSelector().withMatchLabels(Map.of("app", "istiod")).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "istiod")).endMetadata()
                .withNewSpec().addNewContainer().withName("discovery").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        return this;
    }

    LiveClusterSeed configMap(String name, String key, String value) {
        client.configMaps().inNamespace("istio-system").resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .withNamespace("istio-system").endMetadata().withData(Map.of(key, value)).build()).create();
        return this;
    }

    /** Secret istio-system/cacerts holding all four files, private key included, as Istio's plugged-in CA needs. */
    LiveClusterSeed cacerts(CaCerts caCerts) {
        Map<String, String> data = new LinkedHashMap<>();
        caCerts.revealSecretData().forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        client.secrets().inNamespace("istio-system").resource(new SecretBuilder().withNewMetadata().withName("cacerts")
                .withNamespace("istio-system").endMetadata().withData(data).build()).create();
        return this;
    }

    LiveClusterSeed eastWestGateway(String namespace, String address) {
        Service gateway = new ServiceBuilder().withNewMetadata().withName("istio-eastwestgateway").withNamespace(namespace)
                .withLabels(Map.of("istio", "eastwestgateway")).endMetadata()
                .withNewSpec().withType("LoadBalancer").withSelector(Map.of("istio", "eastwestgateway"))
                .withPorts(new ServicePortBuilder().withName("status-port").withPort(15021).build(),
                        new ServicePortBuilder().withName("tls").withPort(15443).build()).endSpec()
                .withNewStatus().withNewLoadBalancer().addNewIngress().withIp(address).endIngress().endLoadBalancer().endStatus().build();
        Service created = client.services().inNamespace(namespace).resource(gateway).create();
        if (created.getStatus() == null || created.getStatus().getLoadBalancer() == null
                || created.getStatus().getLoadBalancer().getIngress() == null || created.getStatus().getLoadBalancer().getIngress().isEmpty()) {
            created.setStatus(gateway.getStatus());
            client.services().inNamespace(namespace).resource(created).updateStatus();
        }
        return this;
    }

    LiveClusterSeed service(String namespace, String name, String portName, int port) {
        client.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .endMetadata().withNewSpec().withSelector(Map.of("app", name))
                .withPorts(new ServicePortBuilder().withName(portName).withPort(port).build()).endSpec().build()).create();
        return this;
    }

    LiveClusterSeed pod(String namespace, String name, String app, String version, String serviceAccount) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", app);
        if (version != null) {
            labels.put("version", version);
        }
        client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(labels).endMetadata().withNewSpec().withServiceAccountName(serviceAccount)
                .addNewContainer().withName(app).withImage("docker.io/kennethreitz/" + app).endContainer().endSpec().build()).create();
        return this;
    }

    /** An Istio object (generic resource) labelled as meshfed renders it, or unlabelled when mesh is null. */
    LiveClusterSeed istioObject(Class<? extends HasMetadata> kind, String namespace, String name, String mesh) {
        Map<String, String> labels = mesh == null ? Map.of() : Map.of("app.kubernetes.io/managed-by", "meshfed", "meshfed.io/mesh", mesh);
        ResourceDefinitionContext context = ResourceDefinitionContext.fromResourceType(kind);
        GenericKubernetesResource object = new GenericKubernetesResourceBuilder().withApiVersion(HasMetadata.getApiVersion(kind))
                .withKind(HasMetadata.getKind(kind)).withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .endMetadata().withAdditionalProperties(Map.of("spec", Map.of())).build();
        client.genericKubernetesResources(context).inNamespace(namespace).resource(object).create();
        return this;
    }

    static final Class<ServiceEntry> SE = ServiceEntry.class;
    static final Class<DestinationRule> DR = DestinationRule.class;
    static final Class<VirtualService> VS = VirtualService.class;
    static final Class<AuthorizationPolicy> AP = AuthorizationPolicy.class;
    static final Class<PeerAuthentication> PA = PeerAuthentication.class;
}
