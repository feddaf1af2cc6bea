package io.meshfed.topology;

/** What a diagram edge stands for; the writers give each its own line style. */
public enum EdgeKind {
    /** A cluster and its east-west gateway (undirected). */
    GATEWAY,
    /** A root CA signed a cluster's intermediate. */
    SIGNS,
    /** A backing cluster's gateway serves an exported service. */
    EXPORTS,
    /** An exported service is consumed in a cluster. */
    CONSUMES,
    /** A traffic split sends a share of the requests there. */
    SPLIT,
    /** Failover order: where requests go when the preferred endpoints are ejected. */
    FAILOVER,
    /** An access policy allows these requests. */
    ALLOWS
}
