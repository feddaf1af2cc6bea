package io.meshfed.pulumi.internal;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import io.meshfed.pulumi.DeploymentOptions;
import io.meshfed.render.Yaml;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Registers plan entries as children of one component, in one cluster, through that cluster's
 * Kubernetes provider (given explicitly: a component may act in several clusters).
 */
public final class Children {

    private final Resource parent;
    private final String cluster;
    private final @Nullable ProviderResource provider;

    public Children(Resource parent, String cluster, @Nullable ProviderResource provider) {
        this.parent = parent;
        this.cluster = cluster;
        this.provider = provider;
    }

    /** Helm releases in plan order, each waiting for the one before it (base → istiod → …). */
    public List<Release> releases(List<HelmRelease> releases, Output<List<Resource>> dependsOn) {
        return releases(releases, dependsOn, r -> Output.of(PulumiValues.mapOf(r.values())));
    }

    /** As {@link #releases(List, Output)}, with each release's values from {@code values}. */
    public List<Release> releases(List<HelmRelease> releases, Output<List<Resource>> dependsOn,
                                  java.util.function.Function<HelmRelease, Output<Map<String, Object>>> values) {
        List<Release> out = new ArrayList<>();
        for (HelmRelease r : releases) {
            Output<List<Resource>> deps = out.isEmpty() ? dependsOn : Dependencies.plus(dependsOn, List.of(out.get(out.size() - 1)));
            out.add(new Release(cluster + "/helm/" + r.name(), releaseArgs(r).values(values.apply(r)).build(), options(deps)));
        }
        return out;
    }

    /** From the spec's chart repository, or from the local charts folder of {@link DeploymentOptions}. */
    private static ReleaseArgs.Builder releaseArgs(HelmRelease r) {
        DeploymentOptions deployment = DeploymentOptions.current();
        ReleaseArgs.Builder args = ReleaseArgs.builder().name(r.name()).namespace(r.namespace());
        if (deployment.chartsDirectory() != null) {
            args.chart(deployment.chartsDirectory().resolve(r.chart()).toString());
        } else {
            args.chart(r.chart()).version(r.version()).repositoryOpts(RepositoryOptsArgs.builder().repo(r.repository()).build());
        }
        if (deployment.skipAwait()) {
            args.skipAwait(true);
        }
        return args;
    }

    public List<KubernetesObject> objects(List<MeshObject> objects, Output<List<Resource>> dependsOn) {
        return objects(objects, dependsOn, null);
    }

    /** With {@code gatewayAddresses}, objects that embed a remote gateway get its resolved address. */
    public List<KubernetesObject> objects(List<MeshObject> objects, Output<List<Resource>> dependsOn,
                                          @Nullable Output<Map<String, String>> gatewayAddresses) {
        List<KubernetesObject> out = new ArrayList<>();
        for (MeshObject o : objects) {
            out.add(object(o, dependsOn, o.needsGatewayOf().isEmpty() ? null : gatewayAddresses));
        }
        return out;
    }

    /** A Secret whose {@code stringData} is only known as an output (it is registered as a Pulumi secret). */
    public KubernetesObject secret(MeshObject o, Output<List<Resource>> dependsOn, Output<Map<String, String>> stringData) {
        return register(o, serialized(o), dependsOn, null, stringData);
    }

    private KubernetesObject object(MeshObject o, Output<List<Resource>> dependsOn, @Nullable Output<Map<String, String>> addresses) {
        return register(o, serialized(o), dependsOn, addresses, null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> serialized(MeshObject o) {
        Map<String, Object> serialized = Yaml.serialization().convertValue(o.object(), Map.class);
        if (DeploymentOptions.current().skipAwait()) {
            Map<String, Object> metadata = new java.util.LinkedHashMap<>((Map<String, Object>) serialized.get("metadata"));
            Map<String, Object> annotations = metadata.get("annotations") instanceof Map<?, ?> a
                    ? new java.util.TreeMap<>((Map<String, Object>) a) : new java.util.TreeMap<>();
            annotations.put(DeploymentOptions.SKIP_AWAIT_ANNOTATION, "true");
            annotations.put(DeploymentOptions.DELETION_PROPAGATION_ANNOTATION, "background");
            metadata.put("annotations", annotations);
            serialized = new java.util.LinkedHashMap<>(serialized);
            serialized.put("metadata", metadata);
        }
        return serialized;
    }

    private KubernetesObject register(MeshObject o, Map<String, Object> serialized, Output<List<Resource>> dependsOn,
                                      @Nullable Output<Map<String, String>> addresses, @Nullable Output<Map<String, String>> stringData) {
        CustomResourceOptions.Builder options = CustomResourceOptions.builder().parent(parent).dependsOn(dependsOn);
        if (provider != null) {
            options.provider(provider);
        }
        if (serialized.containsKey("stringData")) {
            options.additionalSecretOutputs(List.of("data", "stringData"));
        }
        if ("Namespace".equals(o.kind())) {
            // Namespaces may already exist (default, the application's) and hold workloads meshfed
            // does not own: server-side apply adopts them, and destroy must not delete them.
            options.retainOnDelete(true);
        }
        return new KubernetesObject(cluster + "/" + o.key(), o.object().getApiVersion(), o.kind(),
                KubernetesObjectArgs.of(serialized, addresses, stringData), options.build());
    }

    private CustomResourceOptions options(Output<List<Resource>> dependsOn) {
        CustomResourceOptions.Builder options = CustomResourceOptions.builder().parent(parent).dependsOn(dependsOn);
        if (provider != null) {
            options.provider(provider);
        }
        return options.build();
    }
}
