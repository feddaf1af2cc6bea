package io.meshfed.scenarios.controlplane;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One cluster's real kube-apiserver (built from k8s.io/kubernetes), on a loopback port, storing in
 * the shared etcd under its own prefix. Flags as controller-runtime's envtest starts one, plus a
 * service-account issuer (istiod and pulumi read tokens) and the Service CIDR the judge's sample
 * cluster uses (172.16.0.0/12 holds SampleCluster's ClusterIPs, 172.20-22.x; the API server takes 172.16.0.1). No controller-manager, scheduler or kubelet.
 */
final class LocalApiServer implements AutoCloseable {

    static final String SERVICE_CIDR = "172.16.0.0/12";

    private final String cluster;
    private final int port;
    private final ApiServerCertificates certificates;
    private final LocalProcess process;

    private LocalApiServer(String cluster, int port, ApiServerCertificates certificates, LocalProcess process) {
        this.cluster = cluster;
        this.port = port;
        this.certificates = certificates;
        this.process = process;
    }

    static LocalApiServer start(ControlPlaneParts parts, String cluster, String etcdUrl, Path dir) {
        ApiServerCertificates certs = ApiServerCertificates.generate(dir.resolve("pki"));
        int port = LocalProcess.freePort();
        List<String> command = List.of(parts.kubeApiserver().toString(),
                "--etcd-servers=" + etcdUrl,
                "--etcd-prefix=/meshfed/" + cluster,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + port,
                "--cert-dir=" + dir.resolve("pki"),
                "--tls-cert-file=" + certs.servingCert(),
                "--tls-private-key-file=" + certs.servingKey(),
                "--client-ca-file=" + certs.caCert(),
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-account-key-file=" + certs.serviceAccountPublicKey(),
                "--service-account-signing-key-file=" + certs.serviceAccountKey(),
                "--service-cluster-ip-range=" + SERVICE_CIDR,
                "--authorization-mode=RBAC",
                // Pods are written as kubelet runs them after the sidecar injector mutated them: no token
                // volumes or service-account check, and no call to the injector's webhook, which the API
                // server could not reach without kube-proxy (its failurePolicy is Fail). Validation stays real:
                // CRD schemas and CEL rules are the API server's own; Istio's validating webhook fails open
                // until istiod has verified it can reach it (istio-discovery validatingwebhookconfiguration.yaml).
                "--disable-admission-plugins=ServiceAccount,MutatingAdmissionWebhook",
                "--allow-privileged=true",
                "--endpoint-reconciler-type=none",
                "--enable-priority-and-fairness=false",
                "--profiling=false");
        LocalProcess process = LocalProcess.start("kube-apiserver-" + cluster, command, Map.of(), dir);
        LocalApiServer server = new LocalApiServer(cluster, port, certs, process);
        process.awaitReady(server::ready, Duration.ofSeconds(90));
        return server;
    }

    private boolean ready() {
        if (!LocalProcess.listening(port)) {
            return false;
        }
        try (KubernetesClient client = client()) {
            String body = client.raw("/readyz");
            return body != null && body.contains("ok");
        } catch (RuntimeException e) {
            return false;
        }
    }

    String cluster() {
        return cluster;
    }

    String url() {
        return "https://127.0.0.1:" + port;
    }

    ApiServerCertificates certificates() {
        return certificates;
    }

    KubernetesClient client() {
        Config config = new io.fabric8.kubernetes.client.ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withCaCertFile(certificates.caCert().toString())
                .withClientCertFile(certificates.adminCert().toString())
                .withClientKeyFile(certificates.adminKey().toString())
                .withClientKeyAlgo("RSA")
                .withRequestTimeout(30_000)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    String tail() {
        return process.tail();
    }

    boolean alive() {
        return process.alive();
    }

    @Override
    public void close() {
        process.close();
    }
}
