package io.meshfed.stack;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import io.meshfed.pulumi.DeploymentOptions;
import io.meshfed.pulumi.Mesh;
import io.meshfed.pulumi.MeshArgs;
import io.meshfed.pulumi.TrustSources;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.TrustSource;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Pulumi stack program: the mesh spec from stack config, one {@link Mesh} component, and scalar
 * stack outputs per cluster ({@code <cluster>.eastWestGatewayAddress}, {@code <cluster>.rootFingerprintSha256},
 * {@code <cluster>.objectCount}, {@code <cluster>.releaseCount}) plus {@code meshName}. Scalars only:
 * the Java Automation API fails on map and list outputs.
 */
public final class MeshStack {

    private MeshStack() {
    }

    public static void main(String[] args) {
        Pulumi.run(program(ctx -> {
            String seed = ctx.config(StackSpec.NAMESPACE).require("trustSeed");
            return spec -> io.meshfed.trust.MeshTrustSource.of(spec, io.meshfed.trust.TrustSeed.fromBase64(seed));
        }));
    }

    /**
     * {@code meshfed:istioChartsDirectory} (Istio's charts from a local folder, e.g. the ones
     * {@code ci/build-control-plane.sh} takes from Istio's module) and {@code meshfed:skipAwait}
     * (clusters without nodes: nothing would become ready); both absent for real clusters.
     */
    static DeploymentOptions deploymentOptions(com.pulumi.Config config) {
        java.nio.file.Path charts = config.get("istioChartsDirectory").map(java.nio.file.Path::of).orElse(null);
        if (charts != null && !java.nio.file.Files.isDirectory(charts)) {
            throw new io.meshfed.spec.InvalidSpecException(java.util.List.of(new io.meshfed.spec.Problem("meshfed:istioChartsDirectory",
                    "no such folder: " + charts)));
        }
        return new DeploymentOptions(charts, config.getBoolean("skipAwait").orElse(false));
    }

    /**
     * The program, with the trust source chosen from the stack's config. The spec is read and
     * validated before any resource is registered, so a bad spec registers nothing.
     */
    public static Consumer<Context> program(Function<Context, Function<MeshSpec, TrustSource>> trustFromConfig) {
        return ctx -> {
            StackSpec spec = StackSpec.read(ctx.config(StackSpec.NAMESPACE));
            TrustSources.use(trustFromConfig.apply(ctx));
            DeploymentOptions.use(deploymentOptions(ctx.config(StackSpec.NAMESPACE)));
            MeshPlan plan = Plans.mesh(spec.text());
            Mesh mesh = new Mesh(plan.spec().name(), MeshArgs.builder().spec(spec.text()).build(), null);
            ctx.export("meshName", Output.of(plan.spec().name()));
            for (ClusterPlan cluster : plan.clusters()) {
                String c = cluster.cluster();
                ctx.export(c + ".eastWestGatewayAddress", mesh.gateway(c).address);
                ctx.export(c + ".rootFingerprintSha256", Output.of(plan.rootFingerprintSha256()));
                ctx.export(c + ".objectCount", Output.of(cluster.objects().size()));
                ctx.export(c + ".releaseCount", Output.of(cluster.releases().size()));
            }
        };
    }
}
