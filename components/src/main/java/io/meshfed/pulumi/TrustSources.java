package io.meshfed.pulumi;

import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.TrustSource;
import java.util.Objects;
import java.util.function.Function;

/**
 * The trust source of a {@link SharedRootTrust} that has no {@code seed} input — every one {@link Mesh}
 * builds. A trust source is not schema data, so it cannot travel through a component's inputs: the
 * program (or the provider) installs it once, before building components. The stack program installs
 * the one derived from {@code meshfed:trustSeed}, the provider the one from {@code MESHFED_TRUST_SEED},
 * tests fixed fakes.
 */
public final class TrustSources {

    private static volatile Function<MeshSpec, TrustSource> factory;

    private TrustSources() {
    }

    public static void use(Function<MeshSpec, TrustSource> trustFactory) {
        factory = Objects.requireNonNull(trustFactory, "trustFactory");
    }

    public static void clear() {
        factory = null;
    }

    /** The installed factory; fails with a clear message when none was installed. */
    public static Function<MeshSpec, TrustSource> current() {
        Function<MeshSpec, TrustSource> f = factory;
        if (f == null) {
            throw new IllegalStateException("no trust source installed: call TrustSources.use(...) before building meshfed components");
        }
        return f;
    }
}
