package io.meshfed.translate;

import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import io.meshfed.trust.MeshTrustSource;
import io.meshfed.trust.TrustSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The example stacks of stacks/, translated with a fixed test seed. */
public final class Examples {

    public static final List<String> STACKS = List.of("local", "smh-workshop", "virtual-destinations", "ambient");
    /** Test-only seed: 32 bytes of 0x01..0x20. */
    public static final TrustSeed SEED = TrustSeed.fromBase64("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");

    private Examples() {
    }

    public static Path stackFile(String stack) {
        Path fromModule = Path.of("..", "stacks", "Pulumi." + stack + ".yaml");
        return Files.exists(fromModule) ? fromModule : Path.of("stacks", "Pulumi." + stack + ".yaml");
    }

    public static MeshSpec spec(String stack) {
        return SpecLoader.load(stackFile(stack));
    }

    public static MeshPlan plan(String stack) {
        MeshSpec spec = spec(stack);
        return Translator.translate(spec, MeshTrustSource.of(spec, SEED));
    }

    public static MeshPlan plan(MeshSpec spec) {
        return Translator.translate(spec, MeshTrustSource.of(spec, SEED));
    }
}
