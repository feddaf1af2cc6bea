package io.meshfed.spec;

import java.util.List;
import java.util.Map;

/** The Istio installation shared by every cluster. */
public record IstioSpec(
        String version,
        String revision,
        String mode,
        String profile,
        String meshId,
        String chartRepository,
        Map<String, Object> values,
        List<NamespaceRef> waypoints,
        String eastWestGatewayFlavor) {

    public static final String SIDECAR = "sidecar";
    public static final String AMBIENT = "ambient";
    public static final String DEFAULT_VERSION = "1.30.3";
    /** Ambient east-west gateways as upstream Istio recognises them (the default). */
    public static final String UPSTREAM = "upstream";
    /** Ambient east-west gateways as Solo's distribution (Gloo Mesh) takes them. */
    public static final String SOLO = "solo";

    public IstioSpec {
        version = version == null ? DEFAULT_VERSION : version;
        revision = revision == null ? "" : revision;
        mode = mode == null ? SIDECAR : mode;
        profile = profile == null ? "default" : profile;
        chartRepository = chartRepository == null ? "https://istio-release.storage.googleapis.com/charts" : chartRepository;
        values = Lists.of(values);
        waypoints = Lists.of(waypoints);
        eastWestGatewayFlavor = eastWestGatewayFlavor == null ? UPSTREAM : eastWestGatewayFlavor;
    }

    static IstioSpec defaults() {
        return new IstioSpec(null, null, null, null, null, null, null, null, null);
    }

    /** True when ambient east-west gateways take Solo's form ({@code istio.eastWestGatewayFlavor: solo}). */
    public boolean soloEastWestGateways() {
        return SOLO.equals(eastWestGatewayFlavor);
    }

    public boolean ambient() {
        return AMBIENT.equals(mode);
    }
}
