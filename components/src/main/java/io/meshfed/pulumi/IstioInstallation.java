package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.meshfed.pulumi.internal.Children;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.Stage;
import java.util.List;
import java.util.Map;

/**
 * Stage 4: Istio's Helm releases of one cluster in plan order (base → istiod, plus CNI and ztunnel
 * for ambient). The east-west gateway chart belongs to {@link EastWestGateway}.
 */
public final class IstioInstallation extends ComponentResource {

    public static final String TYPE = "meshfed:index:IstioInstallation";

    @Export(name = "releaseNames", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> releaseNames;

    @Export(name = "chartVersion", refs = {String.class})
    public final Output<String> chartVersion;

    public IstioInstallation(String name, IstioInstallationArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        List<HelmRelease> releases = Plans.cluster(args.spec(), args.cluster()).releases(Stage.ISTIO);
        new Children(this, args.cluster(), null).releases(releases, Dependencies.of(options));
        this.releaseNames = Output.of(releases.stream().map(HelmRelease::name).toList());
        this.chartVersion = Output.of(Plans.mesh(args.spec()).spec().istio().version());
        registerOutputs(Map.of("releaseNames", releaseNames, "chartVersion", chartVersion));
    }
}
