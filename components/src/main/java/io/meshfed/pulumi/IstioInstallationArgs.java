package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.internal.Known;
import io.meshfed.pulumi.inputs.IstioSettingsArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Inputs of {@link IstioInstallation}. The chart values and the trusted roots may be unknown at
 * preview; the settings decide which charts are installed and are plain.
 */
public final class IstioInstallationArgs extends ResourceArgs {

    /** The cluster to install into ({@link MeshCluster#reference}). */
    @Import(name = "cluster", required = true)
    private Output<ClusterReference> cluster;

    /** The mesh's shared root of trust ({@link SharedRootTrust#reference}). */
    @Import(name = "trust", required = true)
    private Output<TrustReference> trust;

    /** The roots every cluster trusts ({@link SharedRootTrust#rootCertificates}), for istiod's {@code caCertificates}. */
    @Import(name = "rootCertificates", required = true)
    private Output<String> rootCertificates;

    /** The Istio settings, the same in every cluster of the mesh (waypoint namespaces apart). */
    @Import(name = "settings")
    private @Nullable IstioSettingsArgs settings;

    /** Extra istiod chart values, as YAML or JSON text, merged over meshfed's own. */
    @Import(name = "values")
    private @Nullable Output<String> values;

    public IstioInstallationArgs() {
    }

    public Output<ClusterReference> cluster() {
        return cluster;
    }

    public Output<TrustReference> trust() {
        return trust;
    }

    public Output<String> rootCertificates() {
        return rootCertificates;
    }

    public @Nullable IstioSettingsArgs settings() {
        return settings;
    }

    public @Nullable Output<String> values() {
        return values;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final IstioInstallationArgs args = new IstioInstallationArgs();

        public Builder cluster(MeshCluster cluster) {
            return cluster(Known.from(cluster, cluster.live()));
        }

        public Builder cluster(Output<ClusterReference> cluster) {
            args.cluster = cluster;
            return this;
        }

        /** The trust of this program: its reference and its roots. */
        public Builder trust(SharedRootTrust trust) {
            return trust(Known.from(trust, trust.live())).rootCertificates(trust.rootCertificates);
        }

        public Builder trust(Output<TrustReference> trust) {
            args.trust = trust;
            return this;
        }

        public Builder rootCertificates(Output<String> rootCertificates) {
            args.rootCertificates = rootCertificates;
            return this;
        }

        public Builder settings(@Nullable IstioSettingsArgs settings) {
            args.settings = settings;
            return this;
        }

        public Builder values(@Nullable Output<String> values) {
            args.values = values;
            return this;
        }

        public Builder values(String values) {
            return values(Output.of(values));
        }

        public IstioInstallationArgs build() {
            Objects.requireNonNull(args.cluster, "IstioInstallationArgs.cluster");
            Objects.requireNonNull(args.trust, "IstioInstallationArgs.trust");
            Objects.requireNonNull(args.rootCertificates, "IstioInstallationArgs.rootCertificates");
            return args;
        }
    }
}
