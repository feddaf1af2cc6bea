package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.internal.Internal;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.meshfed.pulumi.internal.Children;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.InvalidInputs;
import io.meshfed.pulumi.internal.Live;
import io.meshfed.pulumi.internal.MeshViews;
import io.meshfed.pulumi.internal.Ownership;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.pulumi.internal.References;
import io.meshfed.pulumi.internal.StructuralTrust;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.MeshSpec;
import java.util.Map;

/**
 * One Kubernetes cluster joining the mesh: its Kubernetes provider (from the kubeconfig, which may
 * be another resource's output) and its {@code istio-system} namespace labelled with its network.
 * Pass it to the components that act in it ({@link SharedRootTrust}, {@link IstioInstallation}).
 */
public final class MeshCluster extends ComponentResource {

    public static final String TYPE = "meshfed:index:MeshCluster";

    @Export(name = "clusterName", refs = {String.class})
    public final Output<String> clusterName;

    @Export(name = "network", refs = {String.class})
    public final Output<String> network;

    @Export(name = "trustDomain", refs = {String.class})
    public final Output<String> trustDomain;

    /** {@code spiffe://<trust domain>}: the identity prefix of this cluster's workloads ({@code …/ns/<ns>/sa/<sa>}). */
    @Export(name = "identity", refs = {String.class})
    public final Output<String> identity;

    /** This cluster as an input of other components, also in other languages (it names the provider). */
    @Export(name = "reference", refs = {ClusterReference.class})
    public final Output<ClusterReference> reference;

    /**
     * The Kubernetes provider as a provider reference ({@code urn::id}). The provider host sends it to
     * other languages as a resource reference (the schema declares it so); in Java use {@link #provider()}.
     */
    @Export(name = "kubernetesProvider", refs = {String.class})
    public final Output<String> kubernetesProvider;

    private final Provider provider;
    private final ClusterReference live;

    public MeshCluster(String name, MeshClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, validated(name, args, options));
        MeshSpec view = view(args);
        ClusterSpec cluster = view.clusters().get(0);
        this.provider = new Provider(args.name(), providerArgs(args), CustomResourceOptions.builder().parent(this).build());
        this.live = References.cluster(args.mesh(), cluster, args.locality(), null);
        Live.registerCluster(live, this, provider);
        new Children(this, args.name(), provider)
                .objects(Ownership.cluster(Plans.translate(view, StructuralTrust.INSTANCE).cluster(args.name())), Dependencies.of(options));
        this.clusterName = Output.of(cluster.name());
        this.network = Output.of(cluster.effectiveNetwork());
        this.trustDomain = Output.of(cluster.effectiveTrustDomain());
        this.identity = Output.of("spiffe://" + cluster.effectiveTrustDomain());
        this.kubernetesProvider = Output.of(Internal.from(provider).getRegistrationId());
        this.reference = kubernetesProvider.applyValue(ref -> References.withProvider(live, ref));
        registerOutputs(Map.of("clusterName", clusterName, "network", network, "trustDomain", trustDomain, "identity", identity,
                "reference", reference, "kubernetesProvider", kubernetesProvider));
    }

    /** The provider every Kubernetes resource of this cluster is registered with. */
    public Provider provider() {
        return provider;
    }

    /** This cluster as an input of a component in this program: known now, its component attached. */
    ClusterReference live() {
        return live;
    }

    private static ComponentResourceOptions validated(String name, MeshClusterArgs args, ComponentResourceOptions options) {
        new InvalidInputs(TYPE, name).map("name", "mesh").map("clusters[0]", "").requireValid(view(args));
        return options;
    }

    private static MeshSpec view(MeshClusterArgs args) {
        ClusterSpec declared = new ClusterSpec(args.name(), null, null, args.network(), null, args.trustDomain(), null);
        return MeshViews.cluster(References.cluster(args.mesh(), declared, args.locality(), null));
    }

    private static ProviderArgs providerArgs(MeshClusterArgs args) {
        ProviderArgs.Builder builder = ProviderArgs.builder();
        if (args.kubeconfig() != null) {
            builder.kubeconfig(args.kubeconfig());
        }
        if (args.context() != null) {
            builder.context(args.context());
        }
        return builder.build();
    }
}
