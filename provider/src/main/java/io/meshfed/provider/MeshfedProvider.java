package io.meshfed.provider;

import com.pulumi.provider.internal.ResourceProviderService;
import io.meshfed.pulumi.TrustSources;
import io.meshfed.spec.MeshSpec;
import io.meshfed.trust.MeshTrustSource;
import io.meshfed.trust.TrustSeed;
import io.meshfed.translate.TrustSource;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Serves every component of {@code io.meshfed.pulumi} as the Pulumi package {@code meshfed}: what
 * pulumi-java's {@code ComponentProviderHost} does, with {@link MeshfedComponentProvider} in place of
 * its inferred-only provider.
 */
public final class MeshfedProvider {

    public static final String PACKAGE = "meshfed";

    private MeshfedProvider() {
    }

    public static void main(String[] args) throws Exception {
        // A provider process has no stack config: Mesh (and a SharedRootTrust without a seed input)
        // take the seed from the environment of `pulumi up`.
        TrustSources.use(trustFromEnvironment(System::getenv));
        new ResourceProviderService(EngineAddress.of(args), new MeshfedComponentProvider(SchemaGenerator.VERSION))
                .startAndBlockUntilShutdown();
    }

    /**
     * The trust source the provider installs: the seed is read from {@code MESHFED_TRUST_SEED} in
     * {@code environment} each time a component is constructed, and its absence fails that construct.
     * {@code main} passes {@code System::getenv}; tests pass a map (a JVM cannot set its own environment).
     */
    static Function<MeshSpec, TrustSource> trustFromEnvironment(UnaryOperator<String> environment) {
        return spec -> {
            String seed = environment.apply(TrustSeed.ENVIRONMENT_VARIABLE);
            if (seed == null || seed.isBlank()) {
                throw new IllegalStateException("set " + TrustSeed.ENVIRONMENT_VARIABLE + " (base64 trust seed) for the meshfed provider");
            }
            return MeshTrustSource.of(spec, TrustSeed.fromBase64(seed.trim()));
        };
    }
}
