package io.meshfed.pulumi;

import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.TrustSource;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the components get the cacerts of a mesh. Components have exactly one
 * {@code (String, Args, ComponentResourceOptions)} constructor and their Args may only hold schema
 * types, so the trust source cannot travel through either: the program (or provider host) installs
 * it once, before building components. The stack program installs the seed-derived one.
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
