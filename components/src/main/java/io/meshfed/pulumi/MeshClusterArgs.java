package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.inputs.LocalityArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Inputs of {@link MeshCluster}. How to reach the cluster ({@code kubeconfig}, {@code context}) may be
 * unknown at preview — e.g. the kubeconfig output of the resource that creates the cluster. The
 * identity of the cluster in the mesh (mesh, name, network, trust domain, locality) is plain: other
 * clusters' objects embed it and it is validated before anything is registered.
 */
public final class MeshClusterArgs extends ResourceArgs {

    /** Name of the mesh the cluster joins (labels every object; the istiod mesh ID by default). */
    @Import(name = "mesh", required = true)
    private String mesh;

    /** Cluster name in the mesh (a DNS label); names its objects and is its default trust domain. */
    @Import(name = "name", required = true)
    private String name;

    /** Kubeconfig of the cluster (a Pulumi secret is kept secret); the ambient kubeconfig when absent. */
    @Import(name = "kubeconfig")
    private @Nullable Output<String> kubeconfig;

    /** Kubeconfig context to use. */
    @Import(name = "context")
    private @Nullable Output<String> context;

    /** Istio network (default {@code <name>-network}: every cluster its own network). */
    @Import(name = "network")
    private @Nullable String network;

    /** SPIFFE trust domain (default: the cluster name, so policies can tell clusters apart). */
    @Import(name = "trustDomain")
    private @Nullable String trustDomain;

    /** Region and zone, for locality failover. */
    @Import(name = "locality")
    private @Nullable LocalityArgs locality;

    public MeshClusterArgs() {
    }

    public String mesh() {
        return mesh;
    }

    public String name() {
        return name;
    }

    public @Nullable Output<String> kubeconfig() {
        return kubeconfig;
    }

    public @Nullable Output<String> context() {
        return context;
    }

    public @Nullable String network() {
        return network;
    }

    public @Nullable String trustDomain() {
        return trustDomain;
    }

    public @Nullable LocalityArgs locality() {
        return locality;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final MeshClusterArgs args = new MeshClusterArgs();

        public Builder mesh(String mesh) {
            args.mesh = mesh;
            return this;
        }

        public Builder name(String name) {
            args.name = name;
            return this;
        }

        /** The kubeconfig, e.g. another resource's output; it is a credential, so it is kept a Pulumi secret. */
        public Builder kubeconfig(@Nullable Output<String> kubeconfig) {
            args.kubeconfig = kubeconfig == null ? null : kubeconfig.asSecret();
            return this;
        }

        public Builder kubeconfig(String kubeconfig) {
            return kubeconfig(Output.of(kubeconfig));
        }

        public Builder context(@Nullable Output<String> context) {
            args.context = context;
            return this;
        }

        public Builder context(String context) {
            return context(Output.of(context));
        }

        public Builder network(@Nullable String network) {
            args.network = network;
            return this;
        }

        public Builder trustDomain(@Nullable String trustDomain) {
            args.trustDomain = trustDomain;
            return this;
        }

        public Builder locality(@Nullable LocalityArgs locality) {
            args.locality = locality;
            return this;
        }

        public MeshClusterArgs build() {
            Objects.requireNonNull(args.mesh, "MeshClusterArgs.mesh");
            Objects.requireNonNull(args.name, "MeshClusterArgs.name");
            return args;
        }
    }
}
