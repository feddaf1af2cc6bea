package io.meshfed.verify;

import java.util.Map;

/**
 * A load-balancing endpoint: a local pod, or a WorkloadEntry at a remote east-west gateway that
 * stands for that cluster's pods with the same labels.
 */
record Endpoint(String cluster, String version, Map<String, String> labels, String locality, long weight, boolean healthy, String via) {
}
