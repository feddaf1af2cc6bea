package io.meshfed.pulumi;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.inputs.LocalityArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A cluster of the mesh as other components see it ({@link MeshCluster#reference}): structural data
 * only, always known at preview, so it can be passed between components, languages and stacks. Pass
 * the {@link MeshCluster} itself in Java.
 */
public final class ClusterReference extends ResourceArgs {

    /** Name of the mesh the cluster belongs to. */
    @Import(name = "mesh", required = true)
    @Export(name = "mesh")
    private String mesh;

    /** Cluster name. */
    @Import(name = "name", required = true)
    @Export(name = "name")
    private String name;

    /** Istio network of the cluster. */
    @Import(name = "network", required = true)
    @Export(name = "network")
    private String network;

    /** SPIFFE trust domain of the cluster's workloads. */
    @Import(name = "trustDomain", required = true)
    @Export(name = "trustDomain")
    private String trustDomain;

    /** Region and zone. */
    @Import(name = "locality")
    @Export(name = "locality")
    private @Nullable LocalityArgs locality;

    /** The cluster's Kubernetes provider as a provider reference ({@code urn::id}); components built in another process of the same stack register through it. */
    @Import(name = "kubernetesProvider")
    @Export(name = "kubernetesProvider")
    private @Nullable String kubernetesProvider;

    public ClusterReference() {
    }

    public String mesh() {
        return mesh;
    }

    public String name() {
        return name;
    }

    public String network() {
        return network;
    }

    public String trustDomain() {
        return trustDomain;
    }

    public @Nullable LocalityArgs locality() {
        return locality;
    }

    public @Nullable String kubernetesProvider() {
        return kubernetesProvider;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ClusterReference value = new ClusterReference();

        public Builder mesh(String mesh) {
            value.mesh = mesh;
            return this;
        }

        public Builder name(String name) {
            value.name = name;
            return this;
        }

        public Builder network(String network) {
            value.network = network;
            return this;
        }

        public Builder trustDomain(String trustDomain) {
            value.trustDomain = trustDomain;
            return this;
        }

        public Builder locality(LocalityArgs locality) {
            value.locality = locality;
            return this;
        }

        public Builder kubernetesProvider(String kubernetesProvider) {
            value.kubernetesProvider = kubernetesProvider;
            return this;
        }

        public ClusterReference build() {
            Objects.requireNonNull(value.mesh, "ClusterReference.mesh");
            Objects.requireNonNull(value.name, "ClusterReference.name");
            Objects.requireNonNull(value.network, "ClusterReference.network");
            Objects.requireNonNull(value.trustDomain, "ClusterReference.trustDomain");
            return value;
        }
    }
}
