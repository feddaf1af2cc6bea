package io.meshfed.pulumi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesObjectArgsTest {

    @Test
    void typeTokensFollowPulumiKubernetes() {
        assertEquals("kubernetes:core/v1:Namespace", KubernetesObjectArgs.typeToken("v1", "Namespace"));
        assertEquals("kubernetes:networking.istio.io/v1:Gateway", KubernetesObjectArgs.typeToken("networking.istio.io/v1", "Gateway"));
        assertEquals("kubernetes:gateway.networking.k8s.io/v1:Gateway", KubernetesObjectArgs.typeToken("gateway.networking.k8s.io/v1", "Gateway"));
    }

    @Test
    void unknownTopLevelFieldsFailInsteadOfBeingDropped() {
        var e = assertThrows(IllegalArgumentException.class, () -> KubernetesObjectArgs.of(Map.of(
                "apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "x"), "data", Map.of("k", "v"))));
        assertEquals("unsupported top-level field 'data' in ConfigMap", e.getMessage());
    }

    @Test
    void longsBecomeIntegersThatPulumiCanSerialise() {
        assertEquals(Map.of("port", 15443, "big", 1.0E10, "list", List.of(1, "a", true)),
                PulumiValues.mapOf(Map.of("port", 15443L, "big", 10_000_000_000L, "list", List.of(1L, "a", true))));
    }
}
