package io.meshfed.scenarios.controlplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshfed.scenarios.real.ClusterAccess;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.MeshSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API servers of a spec's clusters over one etcd, and a kubeconfig with a context per cluster
 * (the spec's context name, else the cluster's name), as the stack program and istiod reach them.
 */
final class LocalControlPlane implements AutoCloseable {

    private final List<String> clusters;
    private final Path dir;
    private final LocalEtcd etcd;
    private final Map<String, LocalApiServer> servers;
    private final Path kubeconfig;

    private LocalControlPlane(List<String> clusters, Path dir, LocalEtcd etcd, Map<String, LocalApiServer> servers, Path kubeconfig) {
        this.clusters = clusters;
        this.dir = dir;
        this.etcd = etcd;
        this.servers = servers;
        this.kubeconfig = kubeconfig;
    }

    static LocalControlPlane start(ControlPlaneParts parts, MeshSpec spec, Path dir) {
        LocalEtcd etcd = LocalEtcd.start(parts, dir.resolve("etcd"));
        Map<String, LocalApiServer> servers = new LinkedHashMap<>();
        try {
            for (ClusterSpec c : spec.clusters()) {
                servers.put(c.name(), LocalApiServer.start(parts, c.name(), etcd.url(), dir.resolve("clusters").resolve(c.name())));
            }
        } catch (RuntimeException e) {
            servers.values().forEach(LocalApiServer::close);
            etcd.close();
            throw e;
        }
        Path kubeconfig = dir.resolve("kubeconfig");
        writeKubeconfig(kubeconfig, spec, servers);
        return new LocalControlPlane(identities(spec), dir, etcd, servers, kubeconfig);
    }

    /**
     * True when this control plane was started for the spec's mesh: same mesh (one stack owns the
     * clusters' objects), same clusters and kube contexts, every API server still running.
     */
    boolean serves(MeshSpec spec) {
        return clusters.equals(identities(spec)) && servers.values().stream().allMatch(LocalApiServer::alive);
    }

    private static List<String> identities(MeshSpec spec) {
        List<String> out = new ArrayList<>();
        out.add(spec.name());
        spec.clusters().forEach(c -> out.add(c.name() + "@" + contextOf(c)));
        return out;
    }

    static String contextOf(ClusterSpec c) {
        return c.context() == null || c.context().isBlank() ? c.name() : c.context();
    }

    Map<String, ClusterAccess> access(MeshSpec spec) {
        Map<String, ClusterAccess> out = new LinkedHashMap<>();
        for (ClusterSpec c : spec.clusters()) {
            out.put(c.name(), new ClusterAccess(c.name(), kubeconfig, contextOf(c), c.eastWestGateway().address(), true));
        }
        return out;
    }

    LocalApiServer server(String cluster) {
        LocalApiServer s = servers.get(cluster);
        if (s == null) {
            throw new IllegalArgumentException("no local API server for cluster " + cluster);
        }
        return s;
    }

    Map<String, String> tails() {
        Map<String, String> out = new LinkedHashMap<>();
        servers.forEach((cluster, server) -> out.put(cluster, server.tail()));
        return out;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    Path dir() {
        return dir;
    }

    private static void writeKubeconfig(Path file, MeshSpec spec, Map<String, LocalApiServer> servers) {
        List<Map<String, Object>> clusters = new ArrayList<>();
        List<Map<String, Object>> users = new ArrayList<>();
        List<Map<String, Object>> contexts = new ArrayList<>();
        for (ClusterSpec c : spec.clusters()) {
            LocalApiServer s = servers.get(c.name());
            String context = contextOf(c);
            clusters.add(Map.of("name", context, "cluster", Map.of("server", s.url(),
                    "certificate-authority", s.certificates().caCert().toString())));
            users.add(Map.of("name", context, "user", Map.of("client-certificate", s.certificates().adminCert().toString(),
                    "client-key", s.certificates().adminKey().toString())));
            contexts.add(Map.of("name", context, "context", Map.of("cluster", context, "user", context)));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", clusters);
        config.put("users", users);
        config.put("contexts", contexts);
        config.put("current-context", contextOf(spec.clusters().get(0)));
        try {
            Files.writeString(file, new ObjectMapper(new YAMLFactory()).writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        servers.values().forEach(LocalApiServer::close);
        etcd.close();
    }
}
