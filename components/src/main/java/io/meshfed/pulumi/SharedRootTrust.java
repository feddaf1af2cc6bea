package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.meshfed.pulumi.internal.Children;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Stage;
import java.util.Map;

/** Stage 3: the {@code istio-system/cacerts} Secret of one cluster; its contents are a Pulumi secret. */
public final class SharedRootTrust extends ComponentResource {

    public static final String TYPE = "meshfed:index:SharedRootTrust";

    @Export(name = "rootFingerprintSha256", refs = {String.class})
    public final Output<String> rootFingerprintSha256;

    @Export(name = "secretCount", refs = {Integer.class})
    public final Output<Integer> secretCount;

    public SharedRootTrust(String name, SharedRootTrustArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        MeshPlan mesh = Plans.mesh(args.spec());
        var secrets = new Children(this, args.cluster(), null)
                .objects(mesh.cluster(args.cluster()).objects(Stage.TRUST), Dependencies.of(options));
        this.rootFingerprintSha256 = Output.of(mesh.rootFingerprintSha256());
        this.secretCount = Output.of(secrets.size());
        registerOutputs(Map.of("rootFingerprintSha256", rootFingerprintSha256, "secretCount", secretCount));
    }
}
