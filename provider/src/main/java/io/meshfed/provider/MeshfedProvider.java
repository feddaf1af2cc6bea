package io.meshfed.provider;

import com.pulumi.provider.internal.ComponentProviderHost;
import io.meshfed.pulumi.Mesh;

/** Serves every component of {@code io.meshfed.pulumi} as the Pulumi package {@code meshfed}. */
public final class MeshfedProvider {

    public static final String PACKAGE = "meshfed";

    private MeshfedProvider() {
    }

    public static void main(String[] args) throws Exception {
        // TODO(merge): TrustSources.use(seed-derived io.meshfed.trust.MeshTrustSource) once io.meshfed.trust is on this branch
        new ComponentProviderHost(PACKAGE, Mesh.class.getPackage()).start(args);
    }
}
