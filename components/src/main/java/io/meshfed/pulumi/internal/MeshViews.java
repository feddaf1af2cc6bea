package io.meshfed.pulumi.internal;

import io.meshfed.pulumi.ClusterReference;
import io.meshfed.pulumi.FederationReference;
import io.meshfed.pulumi.GatewayReference;
import io.meshfed.pulumi.InstallationReference;
import io.meshfed.pulumi.TrustReference;
import io.meshfed.pulumi.inputs.IstioSettingsArgs;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.EastWestGatewaySpec;
import io.meshfed.spec.FederationSpec;
import io.meshfed.spec.IstioSpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.NamespaceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The mesh spec a typed component sees: everything its references describe, as spec records. A
 * component translates its view and registers its own part of the result, so what the view leaves
 * out (services before the federation, policies before their components) never reaches its objects.
 */
public final class MeshViews {

    private MeshViews() {
    }

    public static MeshSpec cluster(ClusterReference cluster) {
        return new MeshSpec(cluster.mesh(), List.of(SpecRecords.cluster(cluster, null)), null, null, null, null, null, null, null);
    }

    public static MeshSpec trust(TrustReference trust) {
        return new MeshSpec(trust.mesh(), clusters(trust.clusters(), Map.of()), null, SpecRecords.trust(trust.settings()),
                null, null, null, null, null);
    }

    public static MeshSpec installation(InstallationReference installation, @Nullable Map<String, Object> values) {
        TrustReference trust = installation.trust();
        return new MeshSpec(trust.mesh(), clusters(trust.clusters(), Map.of()),
                istio(installation.settings(), waypoints(List.of(installation)), values), SpecRecords.trust(trust.settings()),
                null, federation(installation.settings()), null, null, null);
    }

    /**
     * The mesh as one gateway sees it. The other clusters' gateways are not known here: they get this
     * gateway's settings without its address, so that mesh-wide rules (one gateway namespace in ambient
     * meshes) judge this gateway alone; the objects that depend on them belong to the federation.
     */
    public static MeshSpec gateway(GatewayReference gateway) {
        InstallationReference installation = gateway.installation();
        TrustReference trust = installation.trust();
        EastWestGatewaySpec own = gatewaySpec(gateway);
        EastWestGatewaySpec others = new EastWestGatewaySpec(null, own.port(), own.serviceType(), own.namespace());
        Map<String, EastWestGatewaySpec> gateways = new LinkedHashMap<>();
        trust.clusters().forEach(c -> gateways.put(c.name(), c.name().equals(installation.cluster().name()) ? own : others));
        return new MeshSpec(trust.mesh(), clusters(trust.clusters(), gateways),
                istio(installation.settings(), waypoints(List.of(installation)), null), SpecRecords.trust(trust.settings()),
                null, federation(installation.settings()), null, null, null);
    }

    /** The whole mesh as the federation knows it; {@link #requireConsistent} first. */
    public static MeshSpec federation(FederationReference federation) {
        List<GatewayReference> gateways = federation.gateways();
        InstallationReference first = gateways.get(0).installation();
        Map<String, EastWestGatewaySpec> gatewaySpecs = new LinkedHashMap<>();
        gateways.forEach(g -> gatewaySpecs.put(g.installation().cluster().name(), gatewaySpec(g)));
        List<InstallationReference> installations = gateways.stream().map(GatewayReference::installation).toList();
        return new MeshSpec(first.trust().mesh(), clusters(first.trust().clusters(), gatewaySpecs),
                istio(first.settings(), waypoints(installations), null), SpecRecords.trust(first.trust().settings()),
                SpecRecords.map(federation.services(), SpecRecords::service),
                new FederationSpec(suffix(first.settings()), SpecRecords.map(federation.exports(), SpecRecords::export)),
                SpecRecords.access(federation.access()),
                SpecRecords.map(federation.traffic(), SpecRecords::traffic),
                SpecRecords.map(federation.failover(), SpecRecords::failover));
    }

    /**
     * The gateways must be those of one mesh: one per cluster of its trust, the same trust and the
     * same Istio settings (waypoints apart, they are per cluster).
     */
    public static void requireConsistent(FederationReference federation, InvalidInputs problems) {
        List<GatewayReference> gateways = federation.gateways();
        if (gateways.isEmpty()) {
            problems.add("gateways", "at least one east-west gateway is required").throwIfAny();
        }
        InstallationReference first = gateways.get(0).installation();
        List<String> trustClusters = first.trust().clusters().stream().map(ClusterReference::name).toList();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < gateways.size(); i++) {
            InstallationReference installation = gateways.get(i).installation();
            String path = "gateways[" + i + "]";
            String cluster = installation.cluster().name();
            if (seen.contains(cluster)) {
                problems.add(path, "a second gateway of cluster '" + cluster + "'");
            }
            seen.add(cluster);
            if (!MeshViews.trust(installation.trust()).equals(MeshViews.trust(first.trust()))) {
                problems.add(path, "cluster '" + cluster + "' has another shared root of trust (mesh, clusters or trust settings) than gateways[0]");
            }
            if (!sameIstio(installation.settings(), first.settings())) {
                problems.add(path, "cluster '" + cluster + "' has other Istio settings than gateways[0]; a mesh has one Istio installation setup");
            }
        }
        for (String cluster : trustClusters) {
            if (!seen.contains(cluster)) {
                problems.add("gateways", "cluster '" + cluster + "' of the mesh has no east-west gateway here");
            }
        }
        problems.throwIfAny();
    }

    private static boolean sameIstio(@Nullable IstioSettingsArgs a, @Nullable IstioSettingsArgs b) {
        return istio(a, List.of(), null).equals(istio(b, List.of(), null)) && Objects.equals(suffix(a), suffix(b));
    }

    private static List<ClusterSpec> clusters(List<ClusterReference> clusters, Map<String, EastWestGatewaySpec> gateways) {
        return clusters.stream().map(c -> SpecRecords.cluster(c, gateways.get(c.name()))).toList();
    }

    private static EastWestGatewaySpec gatewaySpec(GatewayReference g) {
        return new EastWestGatewaySpec(g.address(), g.port(), g.serviceType(), g.namespace());
    }

    private static IstioSpec istio(@Nullable IstioSettingsArgs settings, List<NamespaceRef> waypoints, @Nullable Map<String, Object> values) {
        return SpecRecords.istio(settings, waypoints, values);
    }

    private static List<NamespaceRef> waypoints(List<InstallationReference> installations) {
        List<NamespaceRef> out = new ArrayList<>();
        for (InstallationReference i : installations) {
            if (i.settings() != null) {
                i.settings().waypointNamespaces().forEach(ns -> out.add(new NamespaceRef(i.cluster().name(), ns)));
            }
        }
        return out;
    }

    private static @Nullable FederationSpec federation(@Nullable IstioSettingsArgs settings) {
        return suffix(settings) == null ? null : new FederationSpec(suffix(settings), null);
    }

    private static @Nullable String suffix(@Nullable IstioSettingsArgs settings) {
        return settings == null ? null : settings.globalHostSuffix();
    }
}
