package io.meshfed.spec;

/** A Kubernetes service account; a null cluster means the account in any cluster. */
public record ServiceAccountRef(String cluster, String namespace, String name) {
}
