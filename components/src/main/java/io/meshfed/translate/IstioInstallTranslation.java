package io.meshfed.translate;

import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.IstioSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stages 3 and 4 (Helm part): base, istiod (and CNI, ztunnel for ambient), the east-west gateway. */
final class IstioInstallTranslation {

    static final String EASTWEST_GATEWAY = "istio-eastwestgateway";

    private final Context ctx;

    IstioInstallTranslation(Context ctx) {
        this.ctx = ctx;
    }

    List<HelmRelease> translate(String cluster) {
        IstioSpec istio = ctx.spec.istio();
        ClusterSpec c = ctx.cluster(cluster);
        List<HelmRelease> releases = new ArrayList<>();
        releases.add(release(Stage.ISTIO, "istio-base", "base", Context.ROOT_NAMESPACE, Map.of("defaultRevision", "default")));
        releases.add(release(Stage.ISTIO, "istiod", "istiod", Context.ROOT_NAMESPACE, istiodValues(c)));
        if (ctx.spec.ambient()) {
            releases.add(release(Stage.ISTIO, "istio-cni", "cni", Context.ROOT_NAMESPACE, Map.of("profile", "ambient")));
            releases.add(release(Stage.ISTIO, "ztunnel", "ztunnel", Context.ROOT_NAMESPACE, Map.of(
                    "multiCluster", Map.of("clusterName", cluster), "network", c.effectiveNetwork())));
        } else {
            releases.add(release(Stage.GATEWAYS, EASTWEST_GATEWAY, "gateway", c.eastWestGateway().namespace(), eastWestValues(c)));
        }
        return releases;
    }

    private HelmRelease release(Stage stage, String name, String chart, String namespace, Map<String, Object> values) {
        String releaseName = ctx.spec.istio().revision().isEmpty() || chart.equals("base") ? name : name + "-" + ctx.spec.istio().revision();
        return new HelmRelease(stage, releaseName, namespace, chart, ctx.spec.istio().chartRepository(), ctx.spec.istio().version(), values);
    }

    private Map<String, Object> istiodValues(ClusterSpec c) {
        IstioSpec istio = ctx.spec.istio();
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("meshID", istio.meshId() == null ? ctx.spec.name() : istio.meshId());
        global.put("multiCluster", Map.of("clusterName", c.name()));
        global.put("network", c.effectiveNetwork());
        Map<String, Object> meshConfig = new LinkedHashMap<>();
        meshConfig.put("trustDomain", c.effectiveTrustDomain());
        MeshTrustDomains.caCertificates(ctx.spec, ctx.trust.cacerts(c.name()).get(TrustTranslation.ROOT_FILE))
                .ifPresent(entries -> meshConfig.put("caCertificates", entries));
        Map<String, Object> proxyMetadata = new LinkedHashMap<>();
        // DNS capture lets clients resolve the federated hosts; their addresses come from istiod's
        // ServiceEntry IP auto-allocation, on by default (PILOT_ENABLE_IP_AUTOALLOCATE, Istio 1.30.3
        // pilot/pkg/features/pilot.go; a proxy with DNS capture consumes them, pilot/pkg/model/service.go
        // nodeUsesAutoallocatedIPs). ISTIO_META_DNS_AUTO_ALLOCATE adds nothing then and istiod warns
        // that it is deprecated (pkg/config/validation/agent/validation.go ValidateMeshConfigProxyConfig).
        proxyMetadata.put("ISTIO_META_DNS_CAPTURE", "true");
        if (ctx.trust.workloadsNeedEcdsa()) {
            proxyMetadata.put("ECC_SIGNATURE_ALGORITHM", "ECDSA");
        }
        meshConfig.put("defaultConfig", Map.of("proxyMetadata", proxyMetadata));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("global", global);
        values.put("meshConfig", meshConfig);
        if (!istio.revision().isEmpty()) {
            values.put("revision", istio.revision());
        }
        if (ctx.spec.ambient()) {
            values.put("profile", "ambient");
            values.put("env", Map.of("AMBIENT_ENABLE_MULTI_NETWORK", "true"));
        } else if (!"default".equals(istio.profile())) {
            values.put("profile", istio.profile());
        }
        return Values.deepMerge(values, istio.values());
    }

    private Map<String, Object> eastWestValues(ClusterSpec c) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("labels", Map.of("istio", "eastwestgateway", "app", EASTWEST_GATEWAY, Context.NETWORK_LABEL, c.effectiveNetwork()));
        values.put("networkGateway", c.effectiveNetwork());
        values.put("env", Map.of("ISTIO_META_REQUESTED_NETWORK_VIEW", c.effectiveNetwork()));
        int mtlsPort = c.eastWestGateway().port() == null ? io.meshfed.spec.EastWestGatewaySpec.SIDECAR_MTLS_PORT : c.eastWestGateway().port();
        values.put("service", Map.of("type", c.eastWestGateway().serviceType(), "ports", List.of(
                port("status-port", 15021), port("tls", mtlsPort), port("tls-istiod", 15012), port("tls-webhook", 15017))));
        if (!ctx.spec.istio().revision().isEmpty()) {
            values.put("revision", ctx.spec.istio().revision());
        }
        return values;
    }

    private static Map<String, Object> port(String name, int number) {
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("name", name);
        port.put("port", number);
        port.put("targetPort", number);
        return port;
    }
}
