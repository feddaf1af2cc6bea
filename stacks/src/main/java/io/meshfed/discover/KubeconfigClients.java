package io.meshfed.discover;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Clients from a kubeconfig file (the given one, else $KUBECONFIG or ~/.kube/config), one per context. */
public final class KubeconfigClients implements ClusterClients {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int REQUEST_TIMEOUT_MS = 15_000;

    private final Path kubeconfig;

    public KubeconfigClients(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    @Override
    public KubernetesClient connect(String context) {
        Config config = load(context);
        if (config.getContexts() == null || config.getContexts().stream().noneMatch(c -> context.equals(c.getName()))) {
            throw new DiscoveryException(context, "no such context in " + (kubeconfig == null ? "the kubeconfig" : kubeconfig));
        }
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MS);
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private Config load(String context) {
        if (kubeconfig == null) {
            return Config.autoConfigure(context);
        }
        if (!Files.isRegularFile(kubeconfig)) {
            throw new DiscoveryException(context, "no such kubeconfig file: " + kubeconfig);
        }
        try {
            return Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
        } catch (IOException | RuntimeException e) {
            throw new DiscoveryException(context, "cannot read kubeconfig " + kubeconfig + ": " + e.getMessage());
        }
    }
}
