package io.meshfed.spec;

import java.util.List;

/** Which services are exported from which clusters to which, under which global host suffix. */
public record FederationSpec(String hostSuffix, List<ExportSpec> exports) {

    public static final String GLOBAL = "global";
    public static final String MESH_INTERNAL = "mesh.internal";

    public FederationSpec {
        exports = Lists.of(exports);
    }

    static FederationSpec none() {
        return new FederationSpec(null, null);
    }

    /** The suffix in effect: {@code global} for sidecar meshes, {@code mesh.internal} for ambient ones. */
    public String effectiveSuffix(boolean ambient) {
        if (hostSuffix != null && !hostSuffix.isBlank()) {
            return hostSuffix;
        }
        return ambient ? MESH_INTERNAL : GLOBAL;
    }
}
