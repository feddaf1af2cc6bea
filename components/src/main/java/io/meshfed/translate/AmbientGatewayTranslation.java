package io.meshfed.translate;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerBuilder;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.EastWestGatewaySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stage 4, ambient: the cluster's east-west gateway and, per other cluster, an {@code istio-remote}
 * Gateway telling istiod where that cluster's network is reached. By default in the form upstream
 * Istio 1.30.3 recognises (pilot/pkg/serviceregistry/ambient/networks.go,
 * samples/multicluster/gen-eastwest-gateway.sh --ambient); with {@code istio.eastWestGatewayFlavor:
 * solo} in the form of Solo's distribution (seed 004): class {@code istio-eastwest}, HBONE and
 * istiod's 15012 in Passthrough, peers annotated with their trust domain.
 */
final class AmbientGatewayTranslation {

    /** pkg/config/constants/constants.go EastWestGatewayClassName (Istio 1.30.3). */
    static final String UPSTREAM_CLASS = "istio-east-west";
    static final String SOLO_CLASS = "istio-eastwest";
    /** pkg/config/constants/constants.go RemoteGatewayClassName. */
    static final String REMOTE_CLASS = "istio-remote";
    /** pilot/pkg/config/kube/gatewaycommon/gateway_utils.go GatewayTLSTerminateModeKey. */
    static final String TLS_TERMINATE_MODE = "gateway.istio.io/tls-terminate-mode";
    static final String SERVICE_ACCOUNT_ANNOTATION = "gateway.istio.io/service-account";

    private final Context ctx;
    private final boolean solo;

    AmbientGatewayTranslation(Context ctx) {
        this.ctx = ctx;
        this.solo = ctx.spec.istio().soloEastWestGateways();
    }

    List<MeshObject> translate(String cluster) {
        ClusterSpec c = ctx.cluster(cluster);
        String ns = c.eastWestGateway().namespace();
        List<MeshObject> out = new ArrayList<>();
        Map<String, String> labels = new TreeMap<>(Map.of(Context.NETWORK_LABEL, c.effectiveNetwork()));
        if (solo) {
            labels.put("istio.io/expose-istiod", "15012");
        }
        out.add(MeshObject.of(Stage.GATEWAYS, new GatewayBuilder()
                .withMetadata(ctx.meta(GatewayTranslation.AMBIENT_GATEWAY, ns, new Parent("EastWestGateway", cluster, cluster), labels))
                .withNewSpec()
                .withGatewayClassName(solo ? SOLO_CLASS : UPSTREAM_CLASS)
                .withListeners(solo ? soloListeners() : List.of(upstreamHbone()))
                .endSpec()
                .build()));
        for (ClusterSpec peer : ctx.spec.clusters()) {
            if (!peer.name().equals(cluster)) {
                out.add(new MeshObject(Stage.GATEWAYS, remotePeer(cluster, ns, peer), Set.of(peer.name())));
            }
        }
        return out;
    }

    /**
     * The peer's network gateway as a local {@code istio-remote} Gateway. networks.go
     * ({@code localK8sGatewayToNetworkGateways}) takes one with the {@code topology.istio.io/network}
     * label, a status address (for this class the spec's addresses, pilot/pkg/config/kube/gateway/
     * conversion.go {@code reportUnmanagedGatewayStatus}) and an HBONE listener, whose port is the
     * HBONE port; its identity is the service account of the annotation in this Gateway's namespace
     * (pilot/pkg/serviceregistry/kube/conversion.go {@code GatewaySA}) — the peer's gateway name, which
     * the east-west class uses unsuffixed (pilot/pkg/config/kube/gatewaycommon/classinfo.go).
     * Upstream reads no trust-domain annotation: the identity gets the local trust domain.
     */
    private Gateway remotePeer(String cluster, String ns, ClusterSpec peer) {
        ObjectMeta meta = ctx.meta(Names.of("istio-remote-peer", peer.name()), ns, new Parent("EastWestGateway", peer.name(), cluster),
                Map.of(Context.NETWORK_LABEL, peer.effectiveNetwork()));
        Map<String, String> annotations = new TreeMap<>(Map.of(SERVICE_ACCOUNT_ANNOTATION, GatewayTranslation.AMBIENT_GATEWAY));
        if (solo) {
            annotations.put("gateway.istio.io/trust-domain", peer.effectiveTrustDomain());
        }
        meta.setAnnotations(annotations);
        String address = ctx.gatewayAddress(peer.name());
        return new GatewayBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withGatewayClassName(REMOTE_CLASS)
                .addNewAddress().withType(GatewayTranslation.isIp(address) ? "IPAddress" : "Hostname").withValue(address).endAddress()
                .withListeners(solo ? soloListeners() : List.of(hbone().build()))
                .endSpec()
                .build();
    }

    /**
     * networks.go ({@code remoteK8sGatewayToNetworkGateways}) only takes an east-west gateway of
     * another cluster with an HBONE listener in {@code Terminate} mode; ISTIO_MUTUAL terminates
     * with the workload certificate (pilot/pkg/config/kube/gateway/conversion.go), as
     * gen-eastwest-gateway.sh --ambient renders it.
     */
    private static Listener upstreamHbone() {
        return hbone().withNewTls().withMode("Terminate").withOptions(Map.of(TLS_TERMINATE_MODE, "ISTIO_MUTUAL")).endTls().build();
    }

    private static ListenerBuilder hbone() {
        return new ListenerBuilder().withName("mesh").withPort(EastWestGatewaySpec.HBONE_PORT).withProtocol("HBONE");
    }

    private static List<Listener> soloListeners() {
        return List.of(
                new ListenerBuilder().withName("cross-network").withPort(EastWestGatewaySpec.HBONE_PORT).withProtocol("HBONE")
                        .withNewTls().withMode("Passthrough").endTls().build(),
                new ListenerBuilder().withName("xds-tls").withPort(15012).withProtocol("TLS")
                        .withNewTls().withMode("Passthrough").endTls().build());
    }
}
