package io.meshfed.spec;

/** A namespace in one cluster; a null cluster means the namespace in every cluster. */
public record NamespaceRef(String cluster, String namespace) {
}
