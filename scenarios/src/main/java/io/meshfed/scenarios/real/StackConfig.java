package io.meshfed.scenarios.real;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshfed.spec.MeshSpec;
import java.util.Map;

/**
 * The stack config a real backend writes: the scenario's mesh spec as JSON under
 * {@code meshfed:mesh} with each cluster's kubeconfig path and context (and, when the backend knows
 * it in advance, the east-west gateway address) replaced by those of the provisioned clusters.
 */
public final class StackConfig {

    public static final String MESH_KEY = "meshfed:mesh";
    public static final String TRUST_SEED_KEY = "meshfed:trustSeed";
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private StackConfig() {
    }

    public static String meshJson(MeshSpec spec, Map<String, ClusterAccess> clusters) {
        ObjectNode root = JSON.valueToTree(spec);
        for (var node : root.withArray("clusters")) {
            ObjectNode cluster = (ObjectNode) node;
            ClusterAccess access = clusters.get(cluster.path("name").asText());
            if (access == null) {
                throw new IllegalArgumentException("no provisioned cluster for " + cluster.path("name").asText() + " (have " + clusters.keySet() + ")");
            }
            cluster.put("kubeconfig", access.kubeconfig().toAbsolutePath().toString());
            if (access.context() != null) {
                cluster.put("context", access.context());
            } else {
                cluster.remove("context");
            }
            if (access.eastWestAddress() != null) {
                cluster.with("eastWestGateway").put("address", access.eastWestAddress());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
