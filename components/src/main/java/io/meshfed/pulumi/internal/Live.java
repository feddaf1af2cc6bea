package io.meshfed.pulumi.internal;

import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import com.pulumi.resources.internal.DependencyProviderResource;
import io.meshfed.pulumi.ClusterReference;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The component behind a reference, when both live in this program (Java): the reference object a
 * component hands to its dependents is registered here with the component and, for clusters, the
 * Kubernetes provider. References that crossed a process boundary (other languages) are not here:
 * their cluster's provider is rebuilt from {@link ClusterReference#kubernetesProvider()}.
 * Keys are compared by identity and held weakly.
 */
public final class Live {

    private static final Map<Object, Resource> COMPONENTS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<Object, ProviderResource> PROVIDERS = Collections.synchronizedMap(new WeakHashMap<>());

    private Live() {
    }

    public static void register(Object reference, Resource component) {
        COMPONENTS.put(reference, component);
    }

    public static void registerCluster(ClusterReference reference, Resource component, ProviderResource provider) {
        register(reference, component);
        PROVIDERS.put(reference, provider);
    }

    public static Optional<Resource> component(Object reference) {
        return Optional.ofNullable(COMPONENTS.get(reference));
    }

    /** The Kubernetes provider of a cluster: the live one, else the one its reference names. */
    public static ProviderResource provider(ClusterReference cluster, String input) {
        ProviderResource live = PROVIDERS.get(cluster);
        if (live != null) {
            return live;
        }
        if (cluster.kubernetesProvider() == null || cluster.kubernetesProvider().isBlank()) {
            throw new IllegalArgumentException(input + ": cluster '" + cluster.name() + "' carries no Kubernetes provider; pass "
                    + "the MeshCluster (Java) or its 'reference' output, which names the provider");
        }
        return new DependencyProviderResource(cluster.kubernetesProvider());
    }
}
