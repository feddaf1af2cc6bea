package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The Istio installation shared by every cluster of the mesh (the spec's {@code istio} section, chart
 * values apart). Plain: they decide which charts and objects exist and must be the same in every
 * cluster.
 */
public final class IstioSettingsArgs extends ResourceArgs {

    /** Istio (chart) version, 1.22 or later (default 1.30.3). */
    @Import(name = "version")
    @Export(name = "version")
    private @Nullable String version;

    /** Istio revision; empty for the default revision. */
    @Import(name = "revision")
    @Export(name = "revision")
    private @Nullable String revision;

    /** Data plane mode: {@code sidecar} (default) or {@code ambient}. */
    @Import(name = "mode")
    @Export(name = "mode")
    private @Nullable String mode;

    /** istiod chart profile (default {@code default}). */
    @Import(name = "profile")
    @Export(name = "profile")
    private @Nullable String profile;

    /** Istio mesh ID (default: the mesh name). */
    @Import(name = "meshId")
    @Export(name = "meshId")
    private @Nullable String meshId;

    /** Helm repository of Istio's charts. */
    @Import(name = "chartRepository")
    @Export(name = "chartRepository")
    private @Nullable String chartRepository;

    /** Ambient only: namespaces of this cluster that get a waypoint. */
    @Import(name = "waypointNamespaces")
    @Export(name = "waypointNamespaces")
    private @Nullable List<String> waypointNamespaces;

    /** Ambient only: {@code upstream} (default) or {@code solo} east-west gateways. */
    @Import(name = "eastWestGatewayFlavor")
    @Export(name = "eastWestGatewayFlavor")
    private @Nullable String eastWestGatewayFlavor;

    /** Suffix of the global hosts of exported services: {@code global} (sidecar default) or {@code mesh.internal} (ambient default). The east-west gateways accept it, so it is an installation setting. */
    @Import(name = "globalHostSuffix")
    @Export(name = "globalHostSuffix")
    private @Nullable String globalHostSuffix;

    public IstioSettingsArgs() {
    }

    public @Nullable String version() {
        return version;
    }

    public @Nullable String revision() {
        return revision;
    }

    public @Nullable String mode() {
        return mode;
    }

    public @Nullable String profile() {
        return profile;
    }

    public @Nullable String meshId() {
        return meshId;
    }

    public @Nullable String chartRepository() {
        return chartRepository;
    }

    public List<String> waypointNamespaces() {
        return waypointNamespaces == null ? List.of() : waypointNamespaces;
    }

    public @Nullable String eastWestGatewayFlavor() {
        return eastWestGatewayFlavor;
    }

    public @Nullable String globalHostSuffix() {
        return globalHostSuffix;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final IstioSettingsArgs value = new IstioSettingsArgs();

        public Builder version(String version) {
            value.version = version;
            return this;
        }

        public Builder revision(String revision) {
            value.revision = revision;
            return this;
        }

        public Builder mode(String mode) {
            value.mode = mode;
            return this;
        }

        public Builder profile(String profile) {
            value.profile = profile;
            return this;
        }

        public Builder meshId(String meshId) {
            value.meshId = meshId;
            return this;
        }

        public Builder chartRepository(String chartRepository) {
            value.chartRepository = chartRepository;
            return this;
        }

        public Builder waypointNamespaces(List<String> waypointNamespaces) {
            value.waypointNamespaces = waypointNamespaces == null ? null : List.copyOf(waypointNamespaces);
            return this;
        }

        public Builder waypointNamespaces(String... waypointNamespaces) {
            return waypointNamespaces(List.of(waypointNamespaces));
        }

        public Builder eastWestGatewayFlavor(String eastWestGatewayFlavor) {
            value.eastWestGatewayFlavor = eastWestGatewayFlavor;
            return this;
        }

        public Builder globalHostSuffix(String globalHostSuffix) {
            value.globalHostSuffix = globalHostSuffix;
            return this;
        }

        public IstioSettingsArgs build() {
            return value;
        }
    }
}
