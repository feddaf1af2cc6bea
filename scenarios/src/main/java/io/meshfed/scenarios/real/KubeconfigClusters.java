package io.meshfed.scenarios.real;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Existing clusters, named by kubeconfig contexts: {@code MESHFED_CONTEXTS=cluster=context,…}
 * (property or environment; a cluster not listed uses the context of its own name) in the kubeconfig
 * {@code MESHFED_KUBECONFIG} or {@code KUBECONFIG} or {@code ~/.kube/config}. Nothing is created, so
 * nothing is registered for teardown: the clusters are never deleted. The stack and the sample
 * workloads deployed into them are (by the session, see {@link RealSession}).
 */
public final class KubeconfigClusters implements ClusterProvider {

    @Override
    public String name() {
        return "kubeconfig";
    }

    public static Path kubeconfig() {
        String explicit = setting("MESHFED_KUBECONFIG");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env.split(java.io.File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    /** {@code cluster=context} pairs of {@code MESHFED_CONTEXTS}. */
    public static Map<String, String> contexts(String setting) {
        Map<String, String> out = new LinkedHashMap<>();
        if (setting == null || setting.isBlank()) {
            return out;
        }
        for (String pair : setting.split(",")) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("MESHFED_CONTEXTS: expected cluster=context but got \"" + pair.trim() + "\"");
            }
            out.put(kv[0].trim(), kv[1].trim());
        }
        return out;
    }

    static String setting(String name) {
        String v = System.getProperty(name, System.getenv(name));
        return v == null || v.isBlank() ? null : v;
    }

    @Override
    public Map<String, ClusterAccess> provision(List<String> clusters, Path dir, Teardown teardown) {
        Map<String, String> contexts = contexts(setting("MESHFED_CONTEXTS"));
        Map<String, ClusterAccess> out = new LinkedHashMap<>();
        for (String cluster : clusters) {
            out.put(cluster, new ClusterAccess(cluster, kubeconfig(), contexts.getOrDefault(cluster, cluster), null, false));
        }
        return out;
    }
}
