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
        List<NamespaceRef> waypoints) {

    public static final String SIDECAR = "sidecar";
    public static final String AMBIENT = "ambient";
    public static final String DEFAULT_VERSION = "1.30.3";

    public IstioSpec {
        version = version == null ? DEFAULT_VERSION : version;
        revision = revision == null ? "" : revision;
        mode = mode == null ? SIDECAR : mode;
        profile = profile == null ? "default" : profile;
        chartRepository = chartRepository == null ? "https://istio-release.storage.googleapis.com/charts" : chartRepository;
        values = Lists.of(values);
        waypoints = Lists.of(waypoints);
    }

    static IstioSpec defaults() {
        return new IstioSpec(null, null, null, null, null, null, null, null);
    }

    public boolean ambient() {
        return AMBIENT.equals(mode);
    }
}
