package io.meshfed.translate;

import io.fabric8.istio.api.api.networking.v1alpha3.PortBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerBuilder;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.EastWestGatewaySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage 4: east-west gateways. Sidecar: an Istio Gateway on 15443 in AUTO_PASSTHROUGH mode, so
 * mTLS passes through by SNI. Ambient: a Gateway API gateway of class istio-eastwest (HBONE 15008,
 * istiod on 15012) and a remote peer gateway per other cluster carrying its trust domain.
 */
final class GatewayTranslation {

    static final String SIDECAR_GATEWAY = "cross-network-gateway";
    static final String AMBIENT_GATEWAY = "istio-eastwest";

    private final Context ctx;

    GatewayTranslation(Context ctx) {
        this.ctx = ctx;
    }

    List<MeshObject> translate(String cluster) {
        return ctx.spec.ambient() ? ambient(cluster) : List.of(sidecar(cluster));
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

    private List<MeshObject> ambient(String cluster) {
        ClusterSpec c = ctx.cluster(cluster);
        String ns = c.eastWestGateway().namespace();
        List<MeshObject> out = new ArrayList<>();
        Map<String, String> labels = new TreeMap<>(Map.of(Context.NETWORK_LABEL, c.effectiveNetwork(), "istio.io/expose-istiod", "15012"));
        out.add(MeshObject.of(Stage.GATEWAYS, new io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder()
                .withMetadata(ctx.meta(AMBIENT_GATEWAY, ns, new Parent("EastWestGateway", cluster, cluster), labels))
                .withNewSpec()
                .withGatewayClassName("istio-eastwest")
                .withListeners(eastWestListeners())
                .endSpec()
                .build()));
        for (ClusterSpec peer : ctx.spec.clusters()) {
            if (peer.name().equals(cluster)) {
                continue;
            }
            var meta = ctx.meta(Names.of("istio-remote-peer", peer.name()), ns, new Parent("EastWestGateway", peer.name(), cluster),
                    Map.of(Context.NETWORK_LABEL, peer.effectiveNetwork()));
            meta.setAnnotations(new TreeMap<>(Map.of(
                    "gateway.istio.io/service-account", AMBIENT_GATEWAY,
                    "gateway.istio.io/trust-domain", peer.effectiveTrustDomain())));
            String address = ctx.gatewayAddress(peer.name());
            out.add(new MeshObject(Stage.GATEWAYS, new io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder()
                    .withMetadata(meta)
                    .withNewSpec()
                    .withGatewayClassName("istio-remote")
                    .addNewAddress().withType(isIp(address) ? "IPAddress" : "Hostname").withValue(address).endAddress()
                    .withListeners(eastWestListeners())
                    .endSpec()
                    .build(), java.util.Set.of(peer.name())));
        }
        return out;
    }

    private static List<Listener> eastWestListeners() {
        return List.of(
                new ListenerBuilder().withName("cross-network").withPort(EastWestGatewaySpec.HBONE_PORT).withProtocol("HBONE")
                        .withNewTls().withMode("Passthrough").endTls().build(),
                new ListenerBuilder().withName("xds-tls").withPort(15012).withProtocol("TLS")
                        .withNewTls().withMode("Passthrough").endTls().build());
    }

    static boolean isIp(String address) {
        return address.matches("\\d{1,3}(\\.\\d{1,3}){3}") || address.contains(":");
    }
}
