package io.meshfed.topology;

/** What a diagram node stands for; the writers give each its own shape and colour. */
public enum NodeShape { CLUSTER, GATEWAY, SERVICE, CA, PEER, SELECTOR }
