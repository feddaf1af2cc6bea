package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.meshfed.pulumi.internal.Children;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.Stage;
import java.util.Map;

/** Stage 1 and 2 of one cluster: its explicit Kubernetes provider and the namespaces with network labels. */
public final class MeshCluster extends ComponentResource {

    public static final String TYPE = "meshfed:index:MeshCluster";

    @Export(name = "clusterName", refs = {String.class})
    public final Output<String> clusterName;

    @Export(name = "network", refs = {String.class})
    public final Output<String> network;

    @Export(name = "namespaceCount", refs = {Integer.class})
    public final Output<Integer> namespaceCount;

    private final Provider provider;

    public MeshCluster(String name, MeshClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        ClusterPlan plan = Plans.cluster(args.spec(), args.cluster());
        ClusterSpec cluster = Plans.mesh(args.spec()).spec().requireCluster(args.cluster());
        this.provider = new Provider(args.cluster(), providerArgs(cluster), CustomResourceOptions.builder().parent(this).build());
        var namespaces = new Children(this, args.cluster(), provider)
                .objects(plan.objects(Stage.NAMESPACES), Dependencies.of(options));
        this.clusterName = Output.of(cluster.name());
        this.network = Output.of(cluster.effectiveNetwork());
        this.namespaceCount = Output.of(namespaces.size());
        registerOutputs(Map.of("clusterName", clusterName, "network", network, "namespaceCount", namespaceCount));
    }

    /** The provider every Kubernetes resource of this cluster is registered with. */
    public Provider provider() {
        return provider;
    }

    private static ProviderArgs providerArgs(ClusterSpec cluster) {
        ProviderArgs.Builder builder = ProviderArgs.builder();
        if (cluster.kubeconfig() != null) {
            builder.kubeconfig(cluster.kubeconfig());
        }
        if (cluster.context() != null) {
            builder.context(cluster.context());
        }
        return builder.build();
    }

}
