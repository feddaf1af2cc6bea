package io.meshfed.discover;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.WorkloadEntry;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.meshfed.translate.Parent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the Istio objects meshfed manages ({@code app.kubernetes.io/managed-by=meshfed}) per mesh
 * ({@code meshfed.io/mesh}) and kind, read as generic resources (plural and group from istio-model).
 */
final class ManagedObjects {

    static final String MANAGER = "meshfed";
    static final String NO_MESH = "(no meshfed.io/mesh label)";
    static final List<Class<? extends HasMetadata>> KINDS = List.of(ServiceEntry.class, WorkloadEntry.class,
            DestinationRule.class, VirtualService.class, AuthorizationPolicy.class, PeerAuthentication.class);

    private final KubernetesClient client;

    ManagedObjects(KubernetesClient client) {
        this.client = client;
    }

    /** mesh → kind → count; kinds with no objects are left out. */
    Map<String, Map<String, Integer>> countByMesh() {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Class<? extends HasMetadata> kind : KINDS) {
            for (GenericKubernetesResource r : list(ResourceDefinitionContext.fromResourceType(kind))) {
                String mesh = IstioReader.labels(r.getMetadata().getLabels()).getOrDefault(Parent.MESH, NO_MESH);
                counts.computeIfAbsent(mesh, m -> new TreeMap<>()).merge(HasMetadata.getKind(kind), 1, Integer::sum);
            }
        }
        return counts;
    }

    private List<GenericKubernetesResource> list(ResourceDefinitionContext kind) {
        try {
            return client.genericKubernetesResources(kind).inAnyNamespace()
                    .withLabel(Parent.MANAGED_BY, MANAGER).list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of(); // the Istio CRD is not installed
            }
            throw e;
        }
    }
}
