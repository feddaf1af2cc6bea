package io.meshfed.spec;

import java.util.List;

/** Request sources: service accounts and namespaces, optionally pinned to the cluster they run in. */
public record SourceSpec(List<ServiceAccountRef> serviceAccounts, List<NamespaceRef> namespaces) {

    public SourceSpec {
        serviceAccounts = Lists.of(serviceAccounts);
        namespaces = Lists.of(namespaces);
    }
}
