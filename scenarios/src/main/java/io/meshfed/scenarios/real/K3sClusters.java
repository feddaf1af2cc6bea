package io.meshfed.scenarios.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.Network;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One k3s container per cluster (Testcontainers' k3s module) on one shared Docker network. k3s's
 * servicelb answers LoadBalancer Services with the node's address, so each east-west gateway is
 * reachable from the other clusters at its container's address on that network, which is written
 * into the stack config. Traefik is disabled (it would take ports 80/443 of servicelb).
 */
public final class K3sClusters implements ClusterProvider {

    static final String DEFAULT_IMAGE = "rancher/k3s:v1.33.4-k3s1";

    @Override
    public String name() {
        return "k3s";
    }

    /** {@code MESHFED_K3S_IMAGE} (property or environment), else {@value #DEFAULT_IMAGE}. */
    static String image() {
        String v = KubeconfigClusters.setting("MESHFED_K3S_IMAGE");
        return v == null ? DEFAULT_IMAGE : v;
    }

    /**
     * The k3s server command. It replaces Testcontainers' default ({@code server --disable=traefik
     * --tls-san=<docker host>}), so it repeats both: the kubeconfig handed out points at
     * {@code https://<docker host>:<mapped port>}, and without that SAN the API server's certificate
     * does not match when Docker runs on another host (DOCKER_HOST=tcp://docker:2375 in CI). The
     * network alias is a SAN too, for clients on the shared network. servicelb stays enabled.
     */
    static List<String> serverArgs(String alias, String dockerHost, int index) {
        List<String> args = new ArrayList<>(List.of("server", "--disable=traefik", "--tls-san=" + alias));
        if (!dockerHost.equals(alias)) {
            args.add("--tls-san=" + dockerHost);
        }
        args.addAll(List.of("--cluster-cidr=" + NetworkPlan.podSubnet(index), "--service-cidr=" + NetworkPlan.serviceSubnet(index),
                "--cluster-dns=" + NetworkPlan.clusterDns(index), "--node-name=" + alias));
        return List.copyOf(args);
    }

    @Override
    public Map<String, ClusterAccess> provision(List<String> clusters, Path dir, Teardown teardown) throws Exception {
        Prerequisites.requireReuseForKeep(teardown);
        Network network = Network.newNetwork();
        teardown.add("docker network " + network.getId(), network::close);
        Map<String, ClusterAccess> out = new LinkedHashMap<>();
        List<K3sContainer> started = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            String cluster = clusters.get(i);
            K3sContainer k3s = new K3sContainer(DockerImageName.parse(image()).asCompatibleSubstituteFor("rancher/k3s"))
                    .withNetwork(network).withNetworkAliases(cluster);
            k3s.withCommand(serverArgs(cluster, k3s.getHost(), i).toArray(String[]::new));
            k3s.withReuse(teardown.keeps()); // reusable containers are the only ones Testcontainers leaves running at JVM exit
            teardown.add("k3s container of cluster " + cluster, k3s::stop);
            k3s.start();
            started.add(k3s);
            Path kubeconfig = dir.resolve(cluster + ".kubeconfig");
            Files.writeString(kubeconfig, k3s.getKubeConfigYaml());
            String address = k3s.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
                    .map(n -> n.getIpAddress()).filter(a -> a != null && !a.isEmpty()).findFirst().orElseThrow();
            out.put(cluster, new ClusterAccess(cluster, kubeconfig, null, address, true));
        }
        return out;
    }
}
