package io.meshfed.topology;

/**
 * The source side of an allowed edge: a service account, a namespace, or any workload; a null
 * cluster means in every cluster.
 */
public record AccessPeer(Kind kind, String cluster, String namespace, String name) {

    public enum Kind { SERVICE_ACCOUNT, NAMESPACE, ANYONE }

    public static AccessPeer anyone() {
        return new AccessPeer(Kind.ANYONE, null, null, null);
    }

    public String describe() {
        String where = cluster == null ? "" : " @" + cluster;
        return switch (kind) {
            case SERVICE_ACCOUNT -> "sa " + namespace + "/" + name + where;
            case NAMESPACE -> "ns " + namespace + where;
            case ANYONE -> "any workload";
        };
    }

    /** The namespace this source lives in, for a namespace-level picture; "any namespace" for anyone. */
    public String namespaceOrAny() {
        return namespace == null ? "any namespace" : namespace;
    }
}
