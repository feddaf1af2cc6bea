package io.meshfed.discover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.meshfed.discover.ClusterReport.CandidateService;
import io.meshfed.discover.ClusterReport.Gateway;
import io.meshfed.discover.ClusterReport.Istiod;
import io.meshfed.discover.ClusterReport.Port;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A draft mesh spec (MeshSpec's YAML shape) from what discovery found: one cluster per context,
 * Istio version/mode, and the service inventory. No federation or access policies: those are
 * decisions, not facts a cluster can tell.
 */
public final class DraftSpec {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern ISTIO_VERSION = Pattern.compile("^(\\d+)\\.(\\d+)(\\.\\d+)?");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> clusterNames = new LinkedHashMap<>();

    /** Remarks about what was left out (printed by the command). */
    public List<String> notes() {
        return notes;
    }

    public String yaml(String meshName, String kubeconfig, List<ClusterReport> clusters) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", meshName);
        spec.put("clusters", clusters.stream().map(c -> cluster(c, kubeconfig)).toList());
        spec.put("istio", istio(clusters));
        spec.put("services", services(clusters));
        try {
            return "# Draft mesh spec written by `meshfed discover` from " + String.join(", ", clusterNames.keySet())
                    + ": review, then add federation and access.\n" + YAML.writeValueAsString(spec);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Map<String, Object> cluster(ClusterReport c, String kubeconfig) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("name", clusterName(c.context()));
        putIfPresent(cluster, "kubeconfig", kubeconfig);
        cluster.put("context", c.context());
        putIfPresent(cluster, "network", c.network());
        putIfPresent(cluster, "trustDomain", c.trustDomain());
        c.eastWestGateways().stream().filter(g -> !g.addresses().isEmpty()).findFirst()
                .ifPresent(g -> cluster.put("eastWestGateway", gateway(g)));
        return cluster;
    }

    private static Map<String, Object> gateway(Gateway g) {
        Map<String, Object> gateway = new LinkedHashMap<>();
        gateway.put("address", g.addresses().get(0));
        gateway.put("namespace", g.namespace());
        return gateway;
    }

    /** A DNS-1123 label from the context ({@code gke_p_z_east} → gke-p-z-east), unique among the clusters. */
    String clusterName(String context) {
        return clusterNames.computeIfAbsent(context, ctx -> {
            String base = ctx.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
            base = base.isEmpty() ? "cluster" : base.substring(0, Math.min(base.length(), 58)).replaceAll("-+$", "");
            String name = base;
            for (int i = 2; clusterNames.containsValue(name); i++) {
                name = base + "-" + i;
            }
            return name;
        });
    }

    private Map<String, Object> istio(List<ClusterReport> clusters) {
        Map<String, Object> istio = new LinkedHashMap<>();
        List<String> tags = clusters.stream().flatMap(c -> c.istiods().stream()).map(Istiod::version).distinct().toList();
        List<String> versions = tags.stream().map(DraftSpec::release).distinct().toList();
        if (versions.size() == 1 && versions.get(0) != null) {
            istio.put("version", versions.get(0));
        } else if (!tags.isEmpty()) {
            notes.add("istio.version left at meshfed's default: istiod runs " + String.join(", ", tags)
                    + " (one release of 1.22 or later is needed)");
        }
        boolean ambient = clusters.stream().flatMap(c -> c.services().stream()).anyMatch(CandidateService::ambient);
        istio.put("mode", ambient ? "ambient" : "sidecar");
        return istio;
    }

    /** The release of an image tag ({@code 1.28.0-distroless} → 1.28.0) when 1.22 or later, else null. */
    static String release(String tag) {
        var parsed = ISTIO_VERSION.matcher(tag);
        return parsed.find() && supported(parsed.group(1), parsed.group(2)) ? parsed.group() : null;
    }

    private static boolean supported(String major, String minor) {
        int ma = Integer.parseInt(major);
        return ma > 1 || (ma == 1 && Integer.parseInt(minor) >= 22);
    }

    private List<Map<String, Object>> services(List<ClusterReport> clusters) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (ClusterReport c : clusters) {
            for (CandidateService s : c.services()) {
                services.add(service(clusterName(c.context()), s));
            }
        }
        return services;
    }

    private Map<String, Object> service(String cluster, CandidateService s) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("name", s.name());
        service.put("namespace", s.namespace());
        service.put("cluster", cluster);
        putIfPresent(service, "serviceAccount", s.serviceAccount());
        service.put("ports", s.ports().stream().map(DraftSpec::port).toList());
        List<String> versions = s.versions().stream().filter(v -> v.length() <= 63 && DNS_LABEL.matcher(v).matches()).toList();
        if (versions.size() < s.versions().size()) {
            notes.add(cluster + "/" + s.namespace() + "/" + s.name() + ": versions that are not DNS labels were left out");
        }
        if (!versions.isEmpty()) {
            service.put("versions", versions);
        }
        if (!s.selector().equals(Map.of("app", s.name()))) {
            service.put("labels", new java.util.TreeMap<>(s.selector()));
        }
        return service;
    }

    private static Map<String, Object> port(Port p) {
        Map<String, Object> port = new LinkedHashMap<>();
        putIfPresent(port, "name", p.name());
        port.put("number", p.number());
        putIfPresent(port, "protocol", p.protocol());
        return port;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
