package io.meshfed.pulumi.internal;

import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/** Any Kubernetes object (Istio, Gateway API or core) registered with pulumi-kubernetes by type token. */
public final class KubernetesObject extends CustomResource {

    public KubernetesObject(String name, String apiVersion, String kind, KubernetesObjectArgs args, CustomResourceOptions options) {
        super(KubernetesObjectArgs.typeToken(apiVersion, kind), name, args, options);
    }
}
