package io.meshfed.scenarios.controlplane;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.meshfed.judge.istio.SampleCluster;

/**
 * Writes the sample cluster's workloads into a real API server as the parts of Kubernetes that do
 * not run here would: kubelet (pods, with their IP and Ready condition through the status
 * subresource), the sidecar injector (the pod labels it leaves), the EndpointSlice controller
 * (slices of ready endpoints), and the cloud's load balancer (the east-west gateway Service's
 * address in its status). Objects {@code pulumi up} created (namespaces, the gateway chart's Service)
 * are kept; only their status is filled in.
 */
final class KubeletStandIn {

    static final String FIELD_MANAGER = "meshfed-control-plane-backend";

    private KubeletStandIn() {
    }

    static int apply(KubernetesClient client, SampleCluster sample) {
        int written = 0;
        for (HasMetadata o : sample.objects()) {
            if (o instanceof Namespace || o instanceof Node) {
                if (client.resource(o).get() == null) {
                    client.resource(o).create();
                    written++;
                }
            } else if (o instanceof Service s) {
                written += service(client, s);
            } else if (o instanceof Pod p) {
                written += pod(client, p);
            } else if (o instanceof EndpointSlice e) {
                client.resource(e).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
                written++;
            }
            // Gateway API status (ambient's managed gateways) is not written: the backend judges sidecar meshes
        }
        return written;
    }

    private static int service(KubernetesClient client, Service s) {
        Service existing = client.services().inNamespace(s.getMetadata().getNamespace()).withName(s.getMetadata().getName()).get();
        if (existing == null) {
            existing = client.resource(copyWithoutStatus(s)).create();
        }
        if (s.getStatus() != null && s.getStatus().getLoadBalancer() != null && s.getStatus().getLoadBalancer().getIngress() != null
                && !s.getStatus().getLoadBalancer().getIngress().isEmpty()) {
            existing.setStatus(s.getStatus());
            client.services().inNamespace(s.getMetadata().getNamespace()).withName(s.getMetadata().getName())
                    .patchStatus(existing);
        }
        return 1;
    }

    private static int pod(KubernetesClient client, Pod p) {
        var pods = client.pods().inNamespace(p.getMetadata().getNamespace());
        Pod existing = pods.withName(p.getMetadata().getName()).get();
        if (existing == null) {
            existing = pods.resource(copyWithoutStatus(p)).create();
        }
        existing.setStatus(p.getStatus());
        pods.withName(p.getMetadata().getName()).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), existing);
        return 1;
    }

    @SuppressWarnings("unchecked")
    private static <T extends HasMetadata> T copyWithoutStatus(T o) {
        T copy = (T) io.fabric8.kubernetes.client.utils.Serialization.clone(o);
        if (copy instanceof Pod pod) {
            pod.setStatus(null);
        } else if (copy instanceof Service service) {
            service.setStatus(null);
        }
        return copy;
    }
}
