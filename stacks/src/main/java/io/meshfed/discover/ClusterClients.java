package io.meshfed.discover;

import io.fabric8.kubernetes.client.KubernetesClient;

/** Opens a client for one kube context; the CLI reads kubeconfig, tests hand in mock-server clients. */
@FunctionalInterface
public interface ClusterClients {

    KubernetesClient connect(String context);
}
