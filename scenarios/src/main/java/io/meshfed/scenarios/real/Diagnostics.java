package io.meshfed.scenarios.real;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshfed.scenarios.Backend.Attachment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a failed scenario gets attached to the Cucumber report, per cluster: pod status (and why not
 * ready), recent events, istiod's log, the proxy logs of the sample workloads, and
 * {@code istioctl proxy-config} of each sample pod when istioctl is on PATH.
 */
public final class Diagnostics {

    private static final int TAIL = 200;

    private Diagnostics() {
    }

    public static List<Attachment> collect(Map<String, ClusterAccess> clusters, ClusterClients clients) {
        List<Attachment> out = new ArrayList<>();
        for (ClusterAccess access : clusters.values()) {
            String c = access.cluster();
            try {
                KubernetesClient k = clients.client(access);
                List<Pod> pods = k.pods().inAnyNamespace().list().getItems();
                out.add(text(c + ": pods", podTable(pods)));
                StringBuilder events = new StringBuilder();
                k.v1().events().inAnyNamespace().list().getItems().stream()
                        .sorted(Comparator.comparing(e -> String.valueOf(e.getLastTimestamp())))
                        .forEach(e -> events.append(String.format("%s %s %s/%s %s: %s%n", e.getLastTimestamp(), e.getType(),
                                e.getInvolvedObject().getKind(), e.getInvolvedObject().getName(), e.getReason(), e.getMessage())));
                out.add(text(c + ": events", events.toString()));
                for (Pod p : pods) {
                    String ns = p.getMetadata().getNamespace();
                    String name = p.getMetadata().getName();
                    if (ns.equals("istio-system") && name.startsWith("istiod")) {
                        out.add(text(c + ": log " + ns + "/" + name, k.pods().inNamespace(ns).withName(name).tailingLines(TAIL).getLog()));
                    }
                    boolean sample = p.getMetadata().getLabels() != null && p.getMetadata().getLabels().containsKey("app")
                            && p.getSpec().getContainers().stream().anyMatch(x -> x.getName().equals("istio-proxy"));
                    if (sample) {
                        out.add(text(c + ": proxy log " + ns + "/" + name,
                                k.pods().inNamespace(ns).withName(name).inContainer("istio-proxy").tailingLines(TAIL).getLog()));
                        istioctl(access, ns, name).ifPresent(a -> out.add(a));
                    }
                }
            } catch (Exception e) {
                out.add(text(c + ": diagnostics failed", e.toString()));
            }
        }
        return out;
    }

    static String podTable(List<Pod> pods) {
        StringBuilder table = new StringBuilder(String.format("%-20s %-50s %-10s %s%n", "NAMESPACE", "NAME", "PHASE", "NOT READY"));
        for (Pod p : pods) {
            List<String> notReady = Readiness.notReady(List.of(p));
            table.append(String.format("%-20s %-50s %-10s %s%n", p.getMetadata().getNamespace(), p.getMetadata().getName(),
                    p.getStatus() == null ? "?" : p.getStatus().getPhase(), notReady.isEmpty() ? "" : notReady.get(0)));
        }
        return table.toString();
    }

    /** argv of {@code istioctl proxy-config all} for one pod. */
    static List<String> istioctlCommand(Path istioctl, ClusterAccess access, String namespace, String pod) {
        List<String> argv = new ArrayList<>(List.of(istioctl.toString(), "proxy-config", "all", pod + "." + namespace,
                "--kubeconfig", access.kubeconfig().toString()));
        if (access.context() != null) {
            argv.addAll(List.of("--context", access.context()));
        }
        return argv;
    }

    private static java.util.Optional<Attachment> istioctl(ClusterAccess access, String namespace, String pod) {
        return Prerequisites.onPath("istioctl", System.getenv("PATH")).map(bin -> {
            try {
                Process p = new ProcessBuilder(istioctlCommand(bin, access, namespace, pod)).redirectErrorStream(true).start();
                p.waitFor(60, TimeUnit.SECONDS);
                return text(access.cluster() + ": istioctl proxy-config " + namespace + "/" + pod, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (Exception e) {
                return text(access.cluster() + ": istioctl failed", e.toString());
            }
        });
    }

    static Attachment text(String name, String body) {
        return new Attachment(name, "text/plain", (body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
    }
}
