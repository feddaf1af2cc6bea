package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.internal.Known;
import io.meshfed.pulumi.inputs.ProvidedRootArgs;
import io.meshfed.pulumi.inputs.TrustSettingsArgs;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Inputs of {@link SharedRootTrust}. The root material ({@code seed}, {@code providedRoot}) may be
 * unknown at preview; the clusters and the settings decide which certificates exist and are plain
 * data (the clusters an {@code Output} of references so other languages can pass cluster outputs).
 */
public final class SharedRootTrustArgs extends ResourceArgs {

    /** The clusters of the mesh, in order ({@link MeshCluster#reference} of each). */
    @Import(name = "clusters", required = true)
    private Output<List<ClusterReference>> clusters;

    /** How the CAs are issued; defaults throughout. */
    @Import(name = "settings")
    private @Nullable TrustSettingsArgs settings;

    /**
     * The trust seed (base64, 32–64 bytes) every CA key derives from; kept a Pulumi secret. Without it
     * the trust source the program installed ({@link TrustSources}) is used.
     */
    @Import(name = "seed")
    private @Nullable Output<String> seed;

    /** A root CA of your own instead of the derived one; needs {@code seed} for the intermediates. */
    @Import(name = "providedRoot")
    private @Nullable ProvidedRootArgs providedRoot;

    public SharedRootTrustArgs() {
    }

    public Output<List<ClusterReference>> clusters() {
        return clusters;
    }

    public @Nullable TrustSettingsArgs settings() {
        return settings;
    }

    public @Nullable Output<String> seed() {
        return seed;
    }

    public @Nullable ProvidedRootArgs providedRoot() {
        return providedRoot;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final SharedRootTrustArgs args = new SharedRootTrustArgs();

        /** The clusters of this program, in order. */
        public Builder clusters(MeshCluster... clusters) {
            return clusters(List.of(clusters));
        }

        public Builder clusters(List<MeshCluster> clusters) {
            List<ClusterReference> references = clusters.stream().map(MeshCluster::live).toList();
            return clusters(Known.from(clusters, references));
        }

        /** Cluster references from elsewhere (another language's outputs, a stack reference). */
        public Builder clusters(Output<List<ClusterReference>> clusters) {
            args.clusters = clusters;
            return this;
        }

        public Builder settings(@Nullable TrustSettingsArgs settings) {
            args.settings = settings;
            return this;
        }

        public Builder seed(@Nullable Output<String> seed) {
            args.seed = seed == null ? null : seed.asSecret();
            return this;
        }

        public Builder providedRoot(@Nullable ProvidedRootArgs providedRoot) {
            args.providedRoot = providedRoot;
            return this;
        }

        public SharedRootTrustArgs build() {
            Objects.requireNonNull(args.clusters, "SharedRootTrustArgs.clusters");
            return args;
        }
    }
}
