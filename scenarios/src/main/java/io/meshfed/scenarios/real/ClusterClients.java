package io.meshfed.scenarios.real;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** fabric8 clients per cluster and command execution in pods ({@code kubectl exec} without kubectl). */
public final class ClusterClients implements AutoCloseable {

    public record Exec(int exit, String stdout, String stderr) {
    }

    private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();

    public KubernetesClient client(ClusterAccess access) {
        return clients.computeIfAbsent(access.cluster(), c -> {
            try {
                Config config = Config.fromKubeconfig(access.context(), Files.readString(access.kubeconfig()), access.kubeconfig().toString());
                return new KubernetesClientBuilder().withConfig(config).build();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    public Exec exec(ClusterAccess access, String namespace, String pod, String container, List<String> argv, long timeoutSeconds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecWatch watch = client(access).pods().inNamespace(namespace).withName(pod).inContainer(container)
                .writingOutput(out).writingError(err).exec(argv.toArray(String[]::new))) {
            Integer code = watch.exitCode().get(timeoutSeconds, TimeUnit.SECONDS);
            return new Exec(code == null ? -1 : code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return new Exec(-1, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + "\n" + e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(KubernetesClient::close);
        clients.clear();
    }
}
