package io.meshfed.translate;

import io.fabric8.istio.api.api.networking.v1alpha3.PortBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1.GatewayBuilder;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.EastWestGatewaySpec;
import java.util.List;
import java.util.Map;

/**
 * Stage 4: east-west gateways. Sidecar: an Istio Gateway on 15443 in AUTO_PASSTHROUGH mode, so
 * mTLS passes through by SNI. Ambient: {@link AmbientGatewayTranslation}.
 */
final class GatewayTranslation {

    static final String SIDECAR_GATEWAY = "cross-network-gateway";
    static final String AMBIENT_GATEWAY = "istio-eastwest";

    private final Context ctx;

    GatewayTranslation(Context ctx) {
        this.ctx = ctx;
    }

    List<MeshObject> translate(String cluster) {
        return ctx.spec.ambient() ? new AmbientGatewayTranslation(ctx).translate(cluster) : List.of(sidecar(cluster));
    }

    private MeshObject sidecar(String cluster) {
        ClusterSpec c = ctx.cluster(cluster);
        int port = c.eastWestGateway().port() == null ? EastWestGatewaySpec.SIDECAR_MTLS_PORT : c.eastWestGateway().port();
        Parent parent = new Parent("EastWestGateway", cluster, cluster);
        return MeshObject.of(Stage.GATEWAYS, new GatewayBuilder()
                .withMetadata(ctx.meta(SIDECAR_GATEWAY, c.eastWestGateway().namespace(), parent,
                        Map.of(Context.NETWORK_LABEL, c.effectiveNetwork())))
                .withNewSpec()
                .withSelector(Map.of("istio", "eastwestgateway"))
                .withServers(new ServerBuilder()
                        .withPort(new PortBuilder().withName("tls").withNumber((long) port).withProtocol("TLS").build())
                        .withHosts("*.local", "*." + ctx.hosts.suffix())
                        .withTls(new ServerTLSSettingsBuilder().withMode(ServerTLSSettingsTLSmode.AUTO_PASSTHROUGH).build())
                        .build())
                .endSpec()
                .build());
    }

    static boolean isIp(String address) {
        return address.matches("\\d{1,3}(\\.\\d{1,3}){3}") || address.contains(":");
    }
}
