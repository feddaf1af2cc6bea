package io.meshfed.scenarios.controlplane;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istiod ({@code pilot-discovery}, built from Istio's module) as a local process of one cluster, run
 * the way the istiod Deployment that {@code pulumi up} installed would run it: that Deployment's
 * arguments and environment (what meshfed's chart values turned into), and the files the pod would
 * mount, read from the API server — mesh config and mesh networks from the {@code istio} ConfigMap,
 * the plugged-in CA from the {@code cacerts} Secret (istio_ca.go's ROOT_CA_DIR, {@code ./etc/cacerts},
 * relative to its working folder), the injector's template. Only addresses differ: every server of
 * it listens on its own loopback port, and it reaches its API server through a kubeconfig.
 */
final class LocalIstiod implements AutoCloseable {

    private final String cluster;
    private final int xdsPort;
    private final int httpPort;
    private final int securePort;
    private final Path dir;
    private final LocalProcess process;

    private LocalIstiod(String cluster, int xdsPort, int httpPort, int securePort, Path dir, LocalProcess process) {
        this.cluster = cluster;
        this.xdsPort = xdsPort;
        this.httpPort = httpPort;
        this.securePort = securePort;
        this.dir = dir;
        this.process = process;
    }

    static LocalIstiod start(ControlPlaneParts parts, LocalApiServer server, Path kubeconfig, String context, String namespace, Path dir) {
        try (KubernetesClient client = server.client()) {
            Deployment deployment = client.apps().deployments().inNamespace(namespace).withLabel("app", "istiod").list().getItems()
                    .stream().findFirst().orElseThrow(() -> new IllegalStateException(
                            "no istiod Deployment in " + server.cluster() + "/" + namespace + ": did pulumi up install the istiod chart?"));
            Container discovery = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                    .filter(c -> c.getName().equals("discovery")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("istiod Deployment has no discovery container"));
            String revision = deployment.getMetadata().getLabels() == null ? "" : deployment.getMetadata().getLabels().getOrDefault("istio.io/rev", "default");
            String meshConfigMap = revision.isEmpty() || revision.equals("default") ? "istio" : "istio-" + revision;
            String injectorConfigMap = revision.isEmpty() || revision.equals("default") ? "istio-sidecar-injector" : "istio-sidecar-injector-" + revision;
            Files.createDirectories(dir);
            writeConfigMap(client, namespace, meshConfigMap, dir.resolve("etc/istio/config"), true);
            writeConfigMap(client, namespace, injectorConfigMap, dir.resolve("var/lib/istio/inject"), false);
            writeCacerts(client, namespace, dir.resolve("etc/cacerts"));
            Path ownKubeconfig = dir.resolve("kubeconfig");
            Files.writeString(ownKubeconfig, Files.readString(kubeconfig).replaceAll("(?m)^current-context: .*$", "current-context: \"" + context + "\""));

            int xds = LocalProcess.freePort();
            int http = LocalProcess.freePort();
            int secure = LocalProcess.freePort();
            List<String> command = new ArrayList<>();
            command.add(parts.istiod().toString());
            command.addAll(discovery.getArgs() == null ? List.of("discovery") : discovery.getArgs());
            command.addAll(List.of("--kubeconfig=" + ownKubeconfig,
                    "--meshConfig=" + dir.resolve("etc/istio/config/mesh"),
                    "--networksConfig=" + dir.resolve("etc/istio/config/meshNetworks"),
                    "--grpcAddr=127.0.0.1:" + xds,
                    "--httpAddr=127.0.0.1:" + http,
                    "--httpsAddr=127.0.0.1:" + LocalProcess.freePort(),
                    "--secureGRPCAddr=127.0.0.1:" + secure,
                    "--monitoringAddr=127.0.0.1:" + LocalProcess.freePort(),
                    "--ctrlz_address=127.0.0.1", "--ctrlz_port=" + LocalProcess.freePort()));
            Map<String, String> env = environment(discovery, deployment, namespace);
            env.put("KUBECONFIG", ownKubeconfig.toString());
            LocalProcess process = LocalProcess.start("istiod-" + server.cluster(), command, env, dir);
            LocalIstiod istiod = new LocalIstiod(server.cluster(), xds, http, secure, dir, process);
            process.awaitReady(istiod::ready, Duration.ofSeconds(120));
            return istiod;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The container's environment as kubelet would set it: literal values and the pod fields istiod's chart refers to. */
    private static Map<String, String> environment(Container container, Deployment deployment, String namespace) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar v : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
            if (v.getValue() != null) {
                env.put(v.getName(), v.getValue());
            } else if (v.getValueFrom() != null && v.getValueFrom().getFieldRef() != null) {
                String field = v.getValueFrom().getFieldRef().getFieldPath();
                String value = switch (field) {
                    case "metadata.name" -> deployment.getMetadata().getName() + "-local";
                    case "metadata.namespace" -> namespace;
                    case "spec.serviceAccountName" -> deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
                    case "status.podIP", "status.hostIP" -> "127.0.0.1";
                    default -> null;
                };
                if (value != null) {
                    env.put(v.getName(), value);
                }
            }
            // resourceFieldRef (GOMAXPROCS, GOMEMLIMIT from limits) is left to the Go runtime's defaults
        }
        return env;
    }

    private static void writeConfigMap(KubernetesClient client, String namespace, String name, Path dir, boolean required) throws IOException {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
        if (map == null) {
            if (required) {
                throw new IllegalStateException("no ConfigMap " + namespace + "/" + name + ": the istiod chart renders it");
            }
            return;
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : map.getData().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        if (!Files.exists(dir.resolve("meshNetworks")) && required) {
            Files.writeString(dir.resolve("meshNetworks"), "networks: {}\n");
        }
    }

    private static void writeCacerts(KubernetesClient client, String namespace, Path dir) throws IOException {
        Secret secret = client.secrets().inNamespace(namespace).withName("cacerts").get();
        if (secret == null) {
            return; // istiod then signs with its self-signed root, as it would in a pod without the Secret
        }
        Files.createDirectories(dir);
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        for (Map.Entry<String, String> e : data.entrySet()) {
            Files.write(dir.resolve(e.getKey()), Base64.getDecoder().decode(e.getValue()));
        }
    }

    private boolean ready() {
        if (!LocalProcess.listening(httpPort) || !LocalProcess.listening(xdsPort)) {
            return false;
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String cluster() {
        return cluster;
    }

    int xdsPort() {
        return xdsPort;
    }

    /** istiod's TLS gRPC port (15012 in a pod): its CA and xDS over mTLS. */
    int securePort() {
        return securePort;
    }

    /** The root certificates istiod was given ({@code cacerts}' root-cert.pem, as the pod mounts it). */
    Path rootCertificates() {
        return dir.resolve("etc/cacerts/root-cert.pem");
    }

    boolean alive() {
        return process.alive();
    }

    Path log() {
        return process.log();
    }

    String tail() {
        return process.tail();
    }

    @Override
    public void close() {
        process.close();
    }
}
