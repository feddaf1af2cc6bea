package io.meshfed.spec;

/** A service by name and namespace, across the clusters that back it. */
public record ServiceRef(String service, String namespace) {

    public ServiceRef {
        namespace = namespace == null ? "default" : namespace;
    }
}
