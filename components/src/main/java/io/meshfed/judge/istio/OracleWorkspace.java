package io.meshfed.judge.istio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.meshfed.render.Renderer;
import io.meshfed.render.RenderedFile;
import io.meshfed.render.Yaml;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.HelmRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The input of one oracle run: the cluster's rendered object files as {@code render} writes them
 * (Secrets left out: istiod does not read cacerts as config), the running cluster's Kubernetes
 * objects ({@link SampleCluster}), istiod's mesh config and environment from the rendered Helm
 * values, and a proxy per pod with the node metadata pilot-agent would send.
 */
public final class OracleWorkspace {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final String cluster;
    private final SampleCluster sample;
    private final Map<String, String> files = new TreeMap<>();
    private final Map<String, String> env;

    private OracleWorkspace(String cluster, SampleCluster sample, Map<String, String> env) {
        this.cluster = cluster;
        this.sample = sample;
        this.env = env;
    }

    public static OracleWorkspace of(MeshSpec spec, ClusterPlan plan) {
        SampleCluster sample = SampleCluster.of(spec, plan);
        HelmRelease istiod = istiod(plan);
        OracleWorkspace ws = new OracleWorkspace(plan.cluster(), sample, pilotEnv(istiod));
        for (RenderedFile f : new Renderer(false).render(plan)) {
            String relative = f.path().substring(plan.cluster().length() + 1);
            if (relative.equals("kustomization.yaml") || relative.contains("/helm-") || f.content().contains("\nkind: \"Secret\"\n")) {
                continue;
            }
            ws.files.put("rendered/" + relative, f.content());
        }
        ws.files.put("inventory.yaml", sample.objects().stream().map(Yaml::of).collect(Collectors.joining()));
        ws.files.put("request.json", ws.request(spec, istiod));
        return ws;
    }

    public SampleCluster sample() {
        return sample;
    }

    /** Environment variables of istiod (its chart's {@code pilot.env}): Istio reads its feature flags there. */
    public Map<String, String> env() {
        return env;
    }

    /** File name → content, request.json included; what the cache key is computed from. */
    public Map<String, String> files() {
        return Map.copyOf(files);
    }

    public void writeTo(Path dir) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = dir.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HelmRelease istiod(ClusterPlan plan) {
        return plan.releases().stream().filter(r -> r.name().equals("istiod")).findFirst()
                .orElseThrow(() -> new IllegalStateException("cluster " + plan.cluster() + " has no istiod release"));
    }

    /**
     * istiod's Deployment sets {@code .Values.env} after the chart copied everything under {@code pilot}
     * to the top level (Istio 1.30.3 manifests/charts/istio-control/istio-discovery/templates/
     * zzy_descope_legacy.yaml, deployment.yaml), so both {@code env} and {@code pilot.env} count,
     * the latter winning. The profile's share is added by the oracle, which reads the chart's profiles.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> pilotEnv(HelmRelease istiod) {
        Map<String, String> env = new TreeMap<>();
        if (istiod.values().get("env") instanceof Map<?, ?> e) {
            ((Map<String, Object>) e).forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        Object pilot = istiod.values().get("pilot");
        if (pilot instanceof Map<?, ?> p && p.get("env") instanceof Map<?, ?> e) {
            ((Map<String, Object>) e).forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    private String request(MeshSpec spec, HelmRelease istiod) {
        Map<String, Object> meshConfig = (Map<String, Object>) istiod.values().getOrDefault("meshConfig", Map.of());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("cluster", cluster);
        request.put("meshConfig", Yaml.of(meshConfig));
        request.put("configFiles", files.keySet().stream().filter(f -> f.startsWith("rendered/")).toList());
        request.put("inventoryFile", "inventory.yaml");
        if (spec.istio().ambient()) {
            // the oracle derives istiod's environment and mesh config from these as the chart does (profile ambient)
            request.put("istiodValues", istiod.values());
            request.put("ambient", true);
        }
        List<Map<String, Object>> proxies = new ArrayList<>();
        ClusterSpec c = spec.requireCluster(cluster);
        for (SamplePod pod : sample.pods()) {
            if (!pod.proxy().envoy()) {
                continue; // no Envoy: ztunnel's view is the oracle's ztunnel.json
            }
            proxies.add(proxy(spec, c, pod, meshConfig));
        }
        request.put("proxies", proxies);
        try {
            return JSON.writeValueAsString(request) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How the pod's pilot-agent announces it to istiod (name, node type, IP, locality, node metadata),
     * for any client that asks istiod for the pod's configuration: the oracle, or an xDS client of a real istiod.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> announcement(MeshSpec spec, ClusterPlan plan, SamplePod pod) {
        Map<String, Object> meshConfig = (Map<String, Object>) istiod(plan).values().getOrDefault("meshConfig", Map.of());
        return proxy(spec, spec.requireCluster(plan.cluster()), pod, meshConfig);
    }

    /** A proxy as pilot-agent announces it: ISTIO_META_* variables become metadata (pkg/bootstrap/config.go). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> proxy(MeshSpec spec, ClusterSpec c, SamplePod pod, Map<String, Object> meshConfig) {
        Map<String, Object> metadata = new TreeMap<>();
        Object defaults = meshConfig.get("defaultConfig");
        if (defaults instanceof Map<?, ?> d && d.get("proxyMetadata") instanceof Map<?, ?> pm) {
            ((Map<String, Object>) pm).forEach((k, v) -> {
                if (k.startsWith("ISTIO_META_")) {
                    metadata.put(k.substring("ISTIO_META_".length()), String.valueOf(v));
                }
            });
        }
        if (pod.proxy() == SamplePod.ProxyKind.ROUTER || pod.proxy() == SamplePod.ProxyKind.EAST_WEST) {
            // the east-west gateway chart's env; for ambient ones files/waypoint.yaml sets it for the eastwest controller
            metadata.put("REQUESTED_NETWORK_VIEW", c.effectiveNetwork());
        }
        Map<String, String> labels = new TreeMap<>(pod.labels());
        labels.put("topology.istio.io/cluster", c.name());
        labels.putIfAbsent("topology.istio.io/network", c.effectiveNetwork());
        String locality = c.locality() == null ? "" : c.locality().istioLocality();
        if (c.locality() != null && c.locality().region() != null) {
            labels.put("topology.kubernetes.io/region", c.locality().region());
        }
        if (c.locality() != null && c.locality().zone() != null) {
            labels.put("topology.kubernetes.io/zone", c.locality().zone());
        }
        metadata.put("ISTIO_VERSION", spec.istio().version());
        metadata.put("LABELS", labels);
        metadata.put("NAMESPACE", pod.namespace());
        metadata.put("CLUSTER_ID", c.name());
        metadata.put("NETWORK", c.effectiveNetwork());
        metadata.put("SERVICE_ACCOUNT", pod.serviceAccount());
        metadata.put("INSTANCE_IPS", pod.ip());
        metadata.put("WORKLOAD_NAME", pod.name().substring(0, pod.name().length() - 2));
        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put("name", pod.namespace() + "." + pod.name());
        proxy.put("type", pod.proxy().nodeType());
        proxy.put("ip", pod.ip());
        proxy.put("podName", pod.name());
        proxy.put("namespace", pod.namespace());
        proxy.put("locality", locality == null ? "" : locality);
        proxy.put("metadata", metadata);
        return proxy;
    }

}
