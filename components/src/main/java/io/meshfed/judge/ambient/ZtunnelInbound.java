package io.meshfed.judge.ambient;

import io.meshfed.judge.istio.SamplePod;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The destination pod's ztunnel: it authorizes the connection with the L4 policies in scope of the
 * workload (istio/ztunnel 1.30.3 src/proxy/inbound.rs calls {@code assert_rbac}) and hands it to
 * the pod. A rejected HBONE connection reaches an HTTP client as a failed upstream connection.
 */
final class ZtunnelInbound {

    private final Set<String> unhealthy;

    ZtunnelInbound(Set<String> unhealthy) {
        this.unhealthy = unhealthy;
    }

    /**
     * @param sourceIdentity the peer's SPIFFE identity, null for plaintext
     */
    List<AmbientLeg> accept(AmbientCluster c, SamplePod pod, int port, String sourceIdentity, String sourceIp) {
        String at = "ztunnel inbound " + c.describe(pod) + ":" + port;
        Optional<ZWorkload> w = c.workload(pod);
        if (w.isEmpty()) {
            return List.of(AmbientLeg.failed(503, "connection refused: ztunnel of " + c.name() + " knows no workload at " + pod.ip(), at));
        }
        L4Authorization.Decision d = L4Authorization.decide(c.view().policiesFor(w.get()),
                new L4Authorization.Connection(sourceIp, pod.ip(), port, sourceIdentity));
        if (!d.allowed()) {
            return List.of(AmbientLeg.failed(503, "connection rejected by ztunnel of " + c.describe(pod) + ": " + d.reason(), at));
        }
        if (unhealthy.contains(pod.ip())) {
            return List.of(AmbientLeg.failed(503, "upstream answered 503 (" + c.describe(pod) + " is unhealthy)", at));
        }
        return List.of(AmbientLeg.served(pod, 200, d.reason(), at));
    }
}
