package io.meshfed.pulumi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.meshfed.pulumi.internal.Children;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.InstallationTrust;
import io.meshfed.pulumi.internal.InvalidInputs;
import io.meshfed.pulumi.internal.Known;
import io.meshfed.pulumi.internal.Live;
import io.meshfed.pulumi.internal.MeshViews;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.pulumi.internal.PulumiValues;
import io.meshfed.pulumi.internal.StructuralTrust;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Istio in one cluster: its Helm releases in order (base → istiod, plus CNI and ztunnel in ambient
 * meshes), istiod configured for the mesh (mesh ID, network, trust domain, the trust domains of every
 * cluster with the shared roots). The east-west gateway chart belongs to {@link EastWestGateway}.
 */
public final class IstioInstallation extends ComponentResource {

    public static final String TYPE = "meshfed:index:IstioInstallation";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Export(name = "releaseNames", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> releaseNames;

    @Export(name = "chartVersion", refs = {String.class})
    public final Output<String> chartVersion;

    /** This installation as an input of other components (cluster, trust, settings). */
    @Export(name = "reference", refs = {InstallationReference.class})
    public final Output<InstallationReference> reference;

    private final InstallationReference live;

    public IstioInstallation(String name, IstioInstallationArgs args, ComponentResourceOptions options) {
        super(TYPE, name, validated(name, args, options));
        this.live = reference(args);
        Live.register(live, this);
        String cluster = live.cluster().name();
        MeshSpec structure = MeshViews.installation(live, null);
        List<HelmRelease> releases = Plans.translate(structure, StructuralTrust.INSTANCE).cluster(cluster).releases(Stage.ISTIO);
        Output<List<HelmRelease>> resolved = resolvedReleases(args, live);
        new Children(this, cluster, Live.provider(live.cluster(), "cluster"))
                .releases(releases, deps(args, options), r -> resolved.applyValue(all -> PulumiValues.mapOf(valuesOf(all, r.name()))));
        this.releaseNames = Output.of(releases.stream().map(HelmRelease::name).toList());
        this.chartVersion = Output.of(structure.istio().version());
        this.reference = Output.of(live);
        registerOutputs(Map.of("releaseNames", releaseNames, "chartVersion", chartVersion, "reference", reference));
    }

    InstallationReference live() {
        return live;
    }

    /** The releases translated again once the roots and the chart values are known. */
    private static Output<List<HelmRelease>> resolvedReleases(IstioInstallationArgs args, InstallationReference ref) {
        Output<String> values = args.values() == null ? Output.of("") : args.values();
        String keyType = MeshViews.trust(ref.trust()).trust().keyType();
        return Output.tuple(args.rootCertificates(), values).applyValue(t -> {
            MeshSpec spec = MeshViews.installation(ref, parseValues(t.t2));
            return Plans.translate(spec, new InstallationTrust(t.t1, keyType)).cluster(ref.cluster().name()).releases(Stage.ISTIO);
        });
    }

    private static Map<String, Object> valuesOf(List<HelmRelease> resolved, String release) {
        return resolved.stream().filter(r -> r.name().equals(release)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the chart values changed which releases exist: " + release)).values();
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> parseValues(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Object parsed = YAML.readValue(text, Object.class);
            if (!(parsed instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("values: must be a YAML or JSON mapping of chart values");
            }
            return (Map<String, Object>) parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("values: not YAML or JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static InstallationReference reference(IstioInstallationArgs args) {
        return InstallationReference.builder().cluster(Known.require(args.cluster(), "cluster").value())
                .trust(Known.require(args.trust(), "trust").value()).settings(args.settings()).build();
    }

    private static Output<List<Resource>> deps(IstioInstallationArgs args, ComponentResourceOptions options) {
        List<Resource> upstream = new ArrayList<>(Known.require(args.cluster(), "cluster").resources());
        upstream.addAll(Known.require(args.trust(), "trust").resources());
        return Dependencies.plus(Dependencies.of(options), upstream);
    }

    private static ComponentResourceOptions validated(String name, IstioInstallationArgs args, ComponentResourceOptions options) {
        InvalidInputs problems = new InvalidInputs(TYPE, name);
        InstallationReference ref = reference(args);
        boolean member = ref.trust().clusters().stream().anyMatch(c -> c.name().equals(ref.cluster().name()) && c.mesh().equals(ref.cluster().mesh()));
        if (!member) {
            problems.add("trust", "does not issue for cluster '" + ref.cluster().name() + "' of mesh '" + ref.cluster().mesh() + "'");
        }
        Map<String, Object> values = null;
        try {
            values = Known.ifKnown(args.values()).map(IstioInstallation::parseValues).orElse(null);
        } catch (IllegalArgumentException e) {
            problems.add("values", e.getMessage().substring("values: ".length()));
        }
        problems.map("istio.waypoints", "settings.waypointNamespaces").map("istio", "settings")
                .map("federation.hostSuffix", "settings.globalHostSuffix")
                .requireValid(MeshViews.installation(ref, values));
        List<Resource> upstream = new ArrayList<>(Known.require(args.cluster(), "cluster").resources());
        upstream.addAll(Known.require(args.trust(), "trust").resources());
        return Dependencies.after(options, upstream);
    }
}
