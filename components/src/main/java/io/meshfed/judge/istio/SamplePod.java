package io.meshfed.judge.istio;

import io.meshfed.verify.Workload;
import java.util.Map;

/**
 * A pod the judge places in a cluster: a workload of the inventory (or the east-west gateway, then
 * {@code workload} is null) with its name, IP and the labels the sidecar injector leaves on it.
 */
public record SamplePod(Workload workload, String name, String namespace, String ip, String serviceAccount,
        Map<String, String> labels, ProxyKind proxy) {

    public SamplePod {
        labels = Map.copyOf(labels);
    }

    /** What Envoy runs next to the pod, as istiod names its node types. */
    public enum ProxyKind {
        SIDECAR("sidecar"), ROUTER("router");

        private final String nodeType;

        ProxyKind(String nodeType) {
            this.nodeType = nodeType;
        }

        public String nodeType() {
            return nodeType;
        }
    }

    public boolean gateway() {
        return workload == null;
    }
}
