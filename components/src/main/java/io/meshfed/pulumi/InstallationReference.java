package io.meshfed.pulumi;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.inputs.IstioSettingsArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An Istio installation as other components see it ({@link IstioInstallation#reference}): its cluster,
 * the mesh's trust and the Istio settings; chart values apart.
 */
public final class InstallationReference extends ResourceArgs {

    /** The cluster Istio is installed in. */
    @Import(name = "cluster", required = true)
    @Export(name = "cluster")
    private ClusterReference cluster;

    /** The mesh's shared root of trust. */
    @Import(name = "trust", required = true)
    @Export(name = "trust")
    private TrustReference trust;

    /** Istio settings. */
    @Import(name = "settings")
    @Export(name = "settings")
    private @Nullable IstioSettingsArgs settings;

    public InstallationReference() {
    }

    public ClusterReference cluster() {
        return cluster;
    }

    public TrustReference trust() {
        return trust;
    }

    public @Nullable IstioSettingsArgs settings() {
        return settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final InstallationReference value = new InstallationReference();

        public Builder cluster(ClusterReference cluster) {
            value.cluster = cluster;
            return this;
        }

        public Builder trust(TrustReference trust) {
            value.trust = trust;
            return this;
        }

        public Builder settings(IstioSettingsArgs settings) {
            value.settings = settings;
            return this;
        }

        public InstallationReference build() {
            Objects.requireNonNull(value.cluster, "InstallationReference.cluster");
            Objects.requireNonNull(value.trust, "InstallationReference.trust");
            return value;
        }
    }
}
