package io.meshfed.scenarios.real;

import com.dajudge.kindcontainer.KindContainer;
import com.dajudge.kindcontainer.KindContainerVersion;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.testcontainers.containers.Network;

/**
 * kind clusters as containers (kindcontainer) on one shared Docker network. kind has no
 * LoadBalancer controller; this backend installs MetalLB (L2) in each cluster with a pool carved from
 * the shared network ({@link NetworkPlan#metallbPool}), the same answer as {@code ci/kind-clusters.sh}
 * gives the {@code kind} CLI. MetalLB was chosen over NodePort because the east-west gateway then
 * keeps its declared port 15443 and the translation's LoadBalancer Service type, as on real clouds.
 */
public final class KindClusters implements ClusterProvider {

    static final String METALLB = System.getProperty("MESHFED_METALLB_MANIFEST",
            "https://raw.githubusercontent.com/metallb/metallb/v0.14.9/config/manifests/metallb-native.yaml");

    static final String EXCLUDE_LB_LABEL = "node.kubernetes.io/exclude-from-external-load-balancers";

    @Override
    public String name() {
        return "kind";
    }

    static String metallbPoolYaml(String pool) {
        return "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: meshfed, namespace: metallb-system}\n"
                + "spec:\n  addresses: [\"" + pool + "\"]\n---\n"
                + "apiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: meshfed, namespace: metallb-system}\n"
                + "spec:\n  ipAddressPools: [meshfed]\n";
    }

    @Override
    public Map<String, ClusterAccess> provision(List<String> clusters, Path dir, Teardown teardown) throws Exception {
        Prerequisites.requireReuseForKeep(teardown);
        Network network = Network.newNetwork();
        teardown.add("docker network " + network.getId(), network::close);
        Map<String, ClusterAccess> out = new LinkedHashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            String cluster = clusters.get(i);
            KindContainer<?> kind = new KindContainer<>(KindContainerVersion.VERSION_1_33_4)
                    .withPodSubnet(NetworkPlan.podSubnet(i)).withServiceSubnet(NetworkPlan.serviceSubnet(i));
            kind.withNetwork(network).withNetworkAliases(cluster);
            if (teardown.keeps()) {
                // reusable containers are the only ones Testcontainers leaves running at JVM exit; kindcontainer's
                // one-argument withReuse gives every cluster the same volume, so each gets its own name
                kind.withReuse(true, "meshfed-" + cluster + "-" + dir.getFileName());
            }
            teardown.add("kind container of cluster " + cluster, kind::stop);
            kind.start();
            Path kubeconfig = dir.resolve(cluster + ".kubeconfig");
            Files.writeString(kubeconfig, kind.getKubeconfig());
            var settings = kind.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next();
            String subnet = settings.getIpAddress() + "/" + settings.getIpPrefixLen();
            String pool = NetworkPlan.metallbPool(subnet, i);
            // the stack declares the gateway's address, so MetalLB must hand out exactly that one: a one-address pool
            // (the east-west gateway is the cluster's only LoadBalancer Service) instead of relying on allocation order
            String gatewayAddress = NetworkPlan.firstOf(pool);
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kind.getKubeconfig())).build()) {
                // kubeadm labels the control-plane node exclude-from-external-load-balancers, and MetalLB >= 0.14 does not
                // announce from such nodes (metallb/metallb#2274, kubernetes-sigs/kind#3506); the kind CLI drops the label
                // on single-node clusters, kindcontainer does not, so the gateway address would be assigned but never answer ARP
                for (var node : client.nodes().list().getItems()) {
                    if (node.getMetadata().getLabels() != null && node.getMetadata().getLabels().containsKey(EXCLUDE_LB_LABEL)) {
                        client.nodes().withName(node.getMetadata().getName()).edit(n -> {
                            n.getMetadata().getLabels().remove(EXCLUDE_LB_LABEL);
                            return n;
                        });
                    }
                }
                try (var in = new URL(METALLB).openStream()) {
                    client.load(in).serverSideApply();
                }
                Awaitility.await("MetalLB controller in " + cluster).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3))
                        .until(() -> Readiness.deploymentRolledOut(client.apps().deployments().inNamespace("metallb-system").withName("controller").get()));
                Awaitility.await("MetalLB pool accepted in " + cluster).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(3))
                        .ignoreExceptions().until(() -> {
                            client.load(new ByteArrayInputStream(metallbPoolYaml(gatewayAddress + "/32").getBytes(StandardCharsets.UTF_8))).serverSideApply();
                            return true;
                        });
            }
            out.put(cluster, new ClusterAccess(cluster, kubeconfig, null, gatewayAddress, true));
        }
        return out;
    }
}
