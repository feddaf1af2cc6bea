package io.meshfed.provider;

import com.pulumi.provider.internal.ComponentProviderHost;
import io.meshfed.pulumi.Mesh;

/** Serves every component of {@code io.meshfed.pulumi} as the Pulumi package {@code meshfed}. */
public final class MeshfedProvider {

    public static final String PACKAGE = "meshfed";

    private MeshfedProvider() {
    }

    public static void main(String[] args) throws Exception {
        // A provider process has no stack config: the seed comes from the environment of `pulumi up`.
        io.meshfed.pulumi.TrustSources.use(spec -> {
            String seed = System.getenv(io.meshfed.trust.TrustSeed.ENVIRONMENT_VARIABLE);
            if (seed == null || seed.isBlank()) {
                throw new IllegalStateException("set " + io.meshfed.trust.TrustSeed.ENVIRONMENT_VARIABLE + " (base64 trust seed) for the meshfed provider");
            }
            return io.meshfed.trust.MeshTrustSource.of(spec, io.meshfed.trust.TrustSeed.fromBase64(seed.trim()));
        });
        new ComponentProviderHost(PACKAGE, Mesh.class.getPackage()).start(args);
    }
}
