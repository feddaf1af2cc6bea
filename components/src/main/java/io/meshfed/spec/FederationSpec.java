package io.meshfed.spec;

import java.util.List;

/** Which services are exported from which clusters to which, under which global host suffix. */
public record FederationSpec(String hostSuffix, List<ExportSpec> exports) {

    public static final String GLOBAL = "global";
    public static final String MESH_INTERNAL = "mesh.internal";
    /** The Kubernetes service suffix: global services of upstream ambient meshes keep it ({@link MeshSpec#globalHostSuffix}). */
    public static final String KUBERNETES = "svc.cluster.local";

    public FederationSpec {
        exports = Lists.of(exports);
    }

    static FederationSpec none() {
        return new FederationSpec(null, null);
    }

    /**
     * The configured suffix, else {@code global} for sidecar meshes and {@code mesh.internal} for
     * ambient ones; ambient meshes of the upstream flavor use none ({@link MeshSpec#globalHostSuffix}).
     */
    public String effectiveSuffix(boolean ambient) {
        if (hostSuffix != null && !hostSuffix.isBlank()) {
            return hostSuffix;
        }
        return ambient ? MESH_INTERNAL : GLOBAL;
    }
}
