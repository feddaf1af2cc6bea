package io.meshfed.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.meshfed.discover.ClusterClients;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One fabric8 mock API server in CRUD mode per kube context (what {@code @EnableKubernetesMockClient(crud = true)}
 * starts, twice); an unknown context gets a client for a port nothing listens on.
 */
final class MockClusters implements ClusterClients, AutoCloseable {

    /** Held so the level sticks: the mock server logs every request at INFO. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final Map<String, KubernetesMockServer> servers = new LinkedHashMap<>();

    MockClusters cluster(String context, Consumer<KubernetesClient> seed) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        servers.put(context, server);
        try (KubernetesClient client = server.createClient()) {
            seed.accept(client);
        }
        return this;
    }

    @Override
    public KubernetesClient connect(String context) {
        KubernetesMockServer server = servers.get(context);
        if (server != null) {
            return server.createClient();
        }
        Config nowhere = new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:1")
                .withConnectionTimeout(2_000).withRequestRetryBackoffLimit(0).build();
        return new KubernetesClientBuilder().withConfig(nowhere).build();
    }

    @Override
    public void close() {
        servers.values().forEach(KubernetesMockServer::destroy);
    }
}
