package io.meshfed.pulumi;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.inputs.TrustSettingsArgs;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The shared root of trust as other components see it ({@link SharedRootTrust#reference}): the
 * clusters it issues intermediates for and the settings; no key material.
 */
public final class TrustReference extends ResourceArgs {

    /** Name of the mesh. */
    @Import(name = "mesh", required = true)
    @Export(name = "mesh")
    private String mesh;

    /** The clusters, in order. */
    @Import(name = "clusters", required = true)
    @Export(name = "clusters")
    private List<ClusterReference> clusters;

    /** Issuing settings. */
    @Import(name = "settings")
    @Export(name = "settings")
    private @Nullable TrustSettingsArgs settings;

    public TrustReference() {
    }

    public String mesh() {
        return mesh;
    }

    public List<ClusterReference> clusters() {
        return clusters == null ? List.of() : clusters;
    }

    public @Nullable TrustSettingsArgs settings() {
        return settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final TrustReference value = new TrustReference();

        public Builder mesh(String mesh) {
            value.mesh = mesh;
            return this;
        }

        public Builder clusters(List<ClusterReference> clusters) {
            value.clusters = clusters == null ? null : List.copyOf(clusters);
            return this;
        }

        public Builder clusters(ClusterReference... clusters) {
            return clusters(List.of(clusters));
        }

        public Builder settings(TrustSettingsArgs settings) {
            value.settings = settings;
            return this;
        }

        public TrustReference build() {
            Objects.requireNonNull(value.mesh, "TrustReference.mesh");
            Objects.requireNonNull(value.clusters, "TrustReference.clusters");
            return value;
        }
    }
}
