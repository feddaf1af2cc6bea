package io.meshfed.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshfed.discover.ClusterReport.Istiod;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The Istio control plane of a cluster: istiod Deployments, mesh config trust domain, network. */
final class IstioReader {

    static final String ISTIO_SYSTEM = "istio-system";
    static final String NETWORK_LABEL = "topology.istio.io/network";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final KubernetesClient client;

    IstioReader(KubernetesClient client) {
        this.client = client;
    }

    List<Istiod> istiods() {
        return client.apps().deployments().inNamespace(ISTIO_SYSTEM).withLabel("app", "istiod").list().getItems().stream()
                .map(IstioReader::istiod).sorted(Comparator.comparing(Istiod::name)).toList();
    }

    private static Istiod istiod(Deployment d) {
        List<Container> containers = d.getSpec() == null || d.getSpec().getTemplate().getSpec() == null
                ? List.of() : d.getSpec().getTemplate().getSpec().getContainers();
        String image = containers.stream().filter(c -> "discovery".equals(c.getName())).findFirst()
                .or(() -> containers.stream().findFirst()).map(Container::getImage).orElse(null);
        Map<String, String> labels = labels(d.getMetadata().getLabels());
        return new Istiod(d.getMetadata().getName(), imageTag(image), labels.getOrDefault("istio.io/rev", "default"));
    }

    /** The tag of an image reference ({@code docker.io/istio/pilot:1.28.0} → 1.28.0); "unknown" for digests or none. */
    static String imageTag(String image) {
        if (image == null || image.contains("@")) {
            return "unknown";
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? "latest" : last.substring(colon + 1);
    }

    /** trustDomain from ConfigMap istio (or istio-&lt;rev&gt;) key {@code mesh}; null when absent. */
    String trustDomain(List<Istiod> istiods) {
        for (String name : configMapNames("istio", istiods)) {
            String text = data(client.configMaps().inNamespace(ISTIO_SYSTEM).withName(name).get(), "mesh");
            JsonNode domain = parse(text).path("trustDomain");
            if (domain.isTextual() && !domain.asText().isBlank()) {
                return domain.asText();
            }
        }
        return null;
    }

    /** The namespace label, else {@code global.network} of the sidecar injector's values; null when unknown. */
    String network(List<Istiod> istiods) {
        Namespace ns = client.namespaces().withName(ISTIO_SYSTEM).get();
        String label = ns == null ? null : labels(ns.getMetadata().getLabels()).get(NETWORK_LABEL);
        if (label != null && !label.isBlank()) {
            return label;
        }
        for (String name : configMapNames("istio-sidecar-injector", istiods)) {
            JsonNode network = parse(data(client.configMaps().inNamespace(ISTIO_SYSTEM).withName(name).get(), "values"))
                    .path("global").path("network");
            if (network.isTextual() && !network.asText().isBlank()) {
                return network.asText();
            }
        }
        return null;
    }

    private static List<String> configMapNames(String base, List<Istiod> istiods) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        names.add(base);
        istiods.stream().map(Istiod::revision).filter(r -> !"default".equals(r)).forEach(r -> names.add(base + "-" + r));
        return List.copyOf(names);
    }

    private static String data(ConfigMap map, String key) {
        return map == null || map.getData() == null ? null : map.getData().get(key);
    }

    private static JsonNode parse(String yamlOrJson) {
        if (yamlOrJson == null || yamlOrJson.isBlank()) {
            return YAML.missingNode();
        }
        try {
            JsonNode node = YAML.readTree(yamlOrJson);
            return node == null ? YAML.missingNode() : node;
        } catch (IOException malformed) {
            return YAML.missingNode();
        }
    }

    static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }
}
