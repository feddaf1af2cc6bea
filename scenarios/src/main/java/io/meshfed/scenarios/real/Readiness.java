package io.meshfed.scenarios.real;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the backends wait for, read from Kubernetes objects (as fabric8 returns them, or as
 * {@code kubectl get -o json} prints them): pods ready, a Deployment rolled out, a LoadBalancer
 * address assigned.
 */
public final class Readiness {

    private Readiness() {
    }

    public static PodList podList(String kubectlJson) {
        return Serialization.unmarshal(kubectlJson, PodList.class);
    }

    public static <T> T object(String kubectlJson, Class<T> type) {
        return Serialization.unmarshal(kubectlJson, type);
    }

    /** One line per pod that is not ready yet, saying why (empty: all ready). */
    public static List<String> notReady(List<Pod> pods) {
        List<String> out = new ArrayList<>();
        for (Pod p : pods) {
            var status = p.getStatus();
            String name = p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
            if (status == null) {
                out.add(name + ": no status");
                continue;
            }
            if ("Succeeded".equals(status.getPhase())) {
                continue;
            }
            boolean ready = status.getConditions() != null && status.getConditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
            if (!ready) {
                StringBuilder why = new StringBuilder(name + ": " + status.getPhase());
                if (status.getContainerStatuses() != null) {
                    status.getContainerStatuses().stream().filter(c -> !Boolean.TRUE.equals(c.getReady())).forEach(c -> {
                        why.append(", ").append(c.getName()).append(" not ready");
                        if (c.getState() != null && c.getState().getWaiting() != null) {
                            why.append(" (").append(c.getState().getWaiting().getReason()).append(')');
                        }
                    });
                }
                out.add(why.toString());
            }
        }
        return out;
    }

    /** The rollout is complete: the controller saw the latest spec and every replica is updated and available. */
    public static boolean deploymentRolledOut(Deployment d) {
        if (d == null || d.getStatus() == null) {
            return false;
        }
        var s = d.getStatus();
        int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        return s.getObservedGeneration() != null && s.getObservedGeneration() >= d.getMetadata().getGeneration()
                && Objects.equals(s.getUpdatedReplicas(), want) && Objects.equals(s.getAvailableReplicas(), want)
                && (s.getReplicas() == null || s.getReplicas() == want);
    }

    /** The first LoadBalancer ingress address (IP or hostname), or null while none is assigned. */
    public static String loadBalancerAddress(Service s) {
        if (s == null || s.getStatus() == null || s.getStatus().getLoadBalancer() == null || s.getStatus().getLoadBalancer().getIngress() == null) {
            return null;
        }
        return s.getStatus().getLoadBalancer().getIngress().stream()
                .map(i -> i.getIp() != null ? i.getIp() : i.getHostname()).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
