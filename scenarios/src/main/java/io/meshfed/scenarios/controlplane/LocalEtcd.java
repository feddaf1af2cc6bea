package io.meshfed.scenarios.controlplane;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** etcd's embedded server ({@code meshfed-etcd}), one for all local API servers (each has its own key prefix). */
final class LocalEtcd implements AutoCloseable {

    private final int clientPort;
    private final LocalProcess process;

    private LocalEtcd(int clientPort, LocalProcess process) {
        this.clientPort = clientPort;
        this.process = process;
    }

    static LocalEtcd start(ControlPlaneParts parts, Path dir) {
        int client = LocalProcess.freePort();
        int peer = LocalProcess.freePort();
        LocalProcess process = LocalProcess.start("etcd", List.of(parts.etcd().toString(),
                "--data-dir=" + dir.resolve("data"),
                "--listen-client-url=http://127.0.0.1:" + client,
                "--listen-peer-url=http://127.0.0.1:" + peer), Map.of(), dir);
        process.awaitReady(() -> LocalProcess.listening(client), Duration.ofSeconds(60));
        return new LocalEtcd(client, process);
    }

    String url() {
        return "http://127.0.0.1:" + clientPort;
    }

    @Override
    public void close() {
        process.close();
    }
}
