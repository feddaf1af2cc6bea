package io.meshfed.judge.ambient;

import java.util.List;

/**
 * An {@code istio.security.Authorization} as ztunnel receives it (pkg/workloadapi/security/
 * authorization.proto, Istio 1.30.3): {@code groups} are OR-ed, the {@code rules} of a group AND-ed,
 * the {@code matches} of a rule OR-ed. Istiod builds one group per AuthorizationPolicy rule and one
 * rule per {@code to}, {@code from} and {@code when} clause, with one match per entry
 * (pilot/pkg/serviceregistry/ambient/authorization.go {@code handleRule}).
 */
public record ZAuthorization(String name, String namespace, Scope scope, Action action, List<List<List<ZMatch>>> groups,
        boolean dryRun) {

    public ZAuthorization {
        groups = groups.stream().map(g -> g.stream().map(List::copyOf).toList()).toList();
    }

    /** How ztunnel keys and reports a policy: {@code namespace/name}. */
    public String key() {
        return namespace + "/" + name;
    }

    /** GLOBAL: every workload; NAMESPACE: the workloads of its namespace; WORKLOAD_SELECTOR: workloads listing it. */
    public enum Scope {
        GLOBAL, NAMESPACE, WORKLOAD_SELECTOR
    }

    public enum Action {
        ALLOW, DENY
    }
}
