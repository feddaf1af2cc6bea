package io.meshfed.pulumi.internal;

import com.pulumi.core.Alias;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import java.util.Map;
import java.util.Optional;

/**
 * Before the typed components, every namespace of a cluster was a child of its {@code MeshCluster};
 * now the gateway and the federation register theirs. This transformation, on those components in
 * {@code Mesh}, gives each such namespace an alias under its cluster's {@code MeshCluster}, so stacks
 * deployed before keep the same resources instead of re-creating them.
 */
public final class FormerParents implements ResourceTransformation {

    private static final String NAMESPACE = "kubernetes:core/v1:Namespace";

    private final Map<String, ? extends Resource> clusters;

    public FormerParents(Map<String, ? extends Resource> clusters) {
        this.clusters = Map.copyOf(clusters);
    }

    @Override
    public Optional<Result> apply(Args args) {
        Resource resource = args.resource();
        if (!NAMESPACE.equals(resource.pulumiResourceType()) || !(args.options() instanceof CustomResourceOptions options)) {
            return Optional.empty();
        }
        String name = resource.pulumiResourceName();
        Resource cluster = clusters.get(name.substring(0, name.indexOf('/')));
        if (cluster == null) {
            return Optional.empty();
        }
        ResourceOptions aliased = CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().aliases(Alias.builder().parent(cluster).build()).build());
        return Optional.of(new Result(args.args(), aliased));
    }
}
