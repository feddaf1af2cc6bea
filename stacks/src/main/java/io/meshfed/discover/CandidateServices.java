package io.meshfed.discover;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshfed.discover.ClusterReport.CandidateService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Services in mesh namespaces (labelled {@code istio-injection=enabled}, {@code istio.io/rev=…} or
 * {@code istio.io/dataplane-mode=ambient}) with the {@code version} labels and service account of
 * the pods they select.
 */
final class CandidateServices {

    static final String AMBIENT_LABEL = "istio.io/dataplane-mode";

    private final KubernetesClient client;

    CandidateServices(KubernetesClient client) {
        this.client = client;
    }

    List<CandidateService> list() {
        List<CandidateService> found = new ArrayList<>();
        meshNamespaces().forEach((namespace, ambient) -> {
            for (Service s : client.services().inNamespace(namespace).list().getItems()) {
                Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
                if (selector != null && !selector.isEmpty() && !ServiceReader.ports(s).isEmpty()) {
                    found.add(candidate(namespace, ambient, s, selector));
                }
            }
        });
        found.sort(Comparator.comparing(CandidateService::namespace).thenComparing(CandidateService::name));
        return found;
    }

    /** namespace → ambient?, sorted by name. */
    private Map<String, Boolean> meshNamespaces() {
        Map<String, Boolean> namespaces = new TreeMap<>();
        for (Namespace ns : client.namespaces().list().getItems()) {
            Map<String, String> labels = IstioReader.labels(ns.getMetadata().getLabels());
            boolean ambient = "ambient".equals(labels.get(AMBIENT_LABEL));
            if (ambient || "enabled".equals(labels.get("istio-injection")) || labels.containsKey("istio.io/rev")) {
                namespaces.put(ns.getMetadata().getName(), ambient);
            }
        }
        return namespaces;
    }

    private CandidateService candidate(String namespace, boolean ambient, Service s, Map<String, String> selector) {
        List<Pod> pods = client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
        List<String> versions = pods.stream().map(p -> IstioReader.labels(p.getMetadata().getLabels()).get("version"))
                .filter(Objects::nonNull).distinct().sorted().toList();
        List<String> accounts = pods.stream().map(p -> p.getSpec() == null ? null : p.getSpec().getServiceAccountName())
                .filter(Objects::nonNull).distinct().toList();
        return new CandidateService(namespace, s.getMetadata().getName(), ambient, ServiceReader.ports(s), Map.copyOf(selector),
                versions, accounts.size() == 1 ? accounts.get(0) : null);
    }
}
