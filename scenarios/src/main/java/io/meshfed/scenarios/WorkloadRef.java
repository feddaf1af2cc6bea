package io.meshfed.scenarios;

/** A workload as features name it: {@code "svc" in "cluster/ns"}. */
public record WorkloadRef(String service, String cluster, String namespace) {

    public static WorkloadRef of(String service, String where) {
        String[] parts = where.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected \"cluster/namespace\" but got \"" + where + "\"");
        }
        return new WorkloadRef(service, parts[0], parts[1]);
    }

    public String describe() {
        return service + " in " + cluster + "/" + namespace;
    }
}
