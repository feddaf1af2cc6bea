package io.meshfed.judge.istio;

import io.meshfed.verify.Workload;
import java.util.Map;

/**
 * A pod the judge places in a cluster: a workload of the inventory (or a gateway — east-west or
 * waypoint —, then {@code workload} is null) with its name, IP and the labels the sidecar injector
 * or the gateway deployment controller leaves on it.
 */
public record SamplePod(Workload workload, String name, String namespace, String ip, String serviceAccount,
        Map<String, String> labels, ProxyKind proxy) {

    public SamplePod {
        labels = Map.copyOf(labels);
    }

    /** What runs next to the pod: an Envoy of an istiod node type, or nothing (ztunnel captures it, or no mesh). */
    public enum ProxyKind {
        SIDECAR("sidecar"), ROUTER("router"),
        /** An ambient waypoint: {@code pilot-agent proxy waypoint} (istio-discovery files/waypoint.yaml). */
        WAYPOINT("waypoint"),
        /** An ambient east-west gateway: the waypoint template too (classinfo.go: Templates "waypoint"). */
        EAST_WEST("waypoint"),
        /** No Envoy: ztunnel redirects the pod's traffic (ambient). */
        ZTUNNEL(null),
        /** No Envoy and no ztunnel. */
        NONE(null);

        private final String nodeType;

        ProxyKind(String nodeType) {
            this.nodeType = nodeType;
        }

        /** istiod's node type of the pod's Envoy, null when it has none. */
        public String nodeType() {
            return nodeType;
        }

        public boolean envoy() {
            return nodeType != null;
        }
    }

    public boolean gateway() {
        return workload == null;
    }
}
