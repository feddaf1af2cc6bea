package io.meshfed.translate;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import java.util.List;

/** Ambient stage 4: a waypoint proxy (Gateway of class istio-waypoint) for each declared namespace. */
final class WaypointTranslation {

    static final String WAYPOINT = "waypoint";

    private final Context ctx;

    WaypointTranslation(Context ctx) {
        this.ctx = ctx;
    }

    List<MeshObject> translate(String cluster, List<String> namespaces) {
        return namespaces.stream().map(ns -> MeshObject.of(Stage.GATEWAYS, new GatewayBuilder()
                .withMetadata(ctx.meta(WAYPOINT, ns, new Parent("Waypoint", ns, cluster)))
                .withNewSpec()
                .withGatewayClassName("istio-waypoint")
                .addNewListener().withName("mesh").withPort(15008).withProtocol("HBONE").endListener()
                .endSpec()
                .build())).toList();
    }
}
