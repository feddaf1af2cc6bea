package io.meshfed.judge.ambient;

/**
 * One mTLS connection on a request's way: who opened it (a SPIFFE identity ztunnel or an Envoy
 * presents, and the cluster whose istiod signed it) and who terminated it.
 */
public record TlsHop(String clientIdentity, String clientCluster, String serverIdentity, String serverCluster) {
}
