package io.meshfed.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import io.meshfed.translate.GatewayAddressPlaceholder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When the spec declares no east-west address (sidecar mode), the address is read from the gateway
 * chart's Service after the chart is installed, and written where the translation left placeholders.
 */
class UndeclaredGatewayAddressTest {

    private static final String WEST_LB = "172.18.128.77";

    @AfterEach
    void tearDown() {
        TrustSources.clear();
        PulumiTest.cleanup();
    }

    @Test
    void federationIntoEastUsesWestsLoadBalancerAddress() throws Exception {
        String spec = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("stacks/Pulumi.local.yaml"))
                .replace("eastWestGateway: {address: 172.18.128.1}", "eastWestGateway: {}");
        assertTrue(spec.contains("eastWestGateway: {}"));
        TrustSources.use(TestTrust::of);
        AtomicReference<String> readId = new AtomicReference<>();
        Mocks mocks = args -> {
            if (args.type.equals("kubernetes:core/v1:Service") && args.id != null && !args.id.isEmpty()) {
                readId.set(args.id);
                return CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(args.id),
                        Map.of("status", Map.of("loadBalancer", Map.of("ingress", List.of(Map.of("ip", WEST_LB)))))));
            }
            Map<String, Object> state = new java.util.HashMap<>(args.inputs);
            if (args.type.equals("kubernetes:helm.sh/v3:Release")) {
                state.put("status", Map.of("name", args.inputs.get("name"), "namespace", args.inputs.get("namespace"), "status", "deployed"));
            }
            return CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(args.name + "_id"), state));
        };
        AtomicReference<Mesh> mesh = new AtomicReference<>();
        Recorder.Run run = Recorder.run(mocks, ctx -> mesh.set(new Mesh("local", MeshArgs.builder().spec(spec).build(), null)));
        assertTrue(run.result().exceptions().isEmpty(), () -> run.result().exceptions().toString());

        assertEquals("istio-gateways/istio-eastwestgateway", readId.get());
        assertEquals(WEST_LB, PulumiTest.extractValue(mesh.get().gateway("west").address));
        assertEquals("172.18.64.1", PulumiTest.extractValue(mesh.get().gateway("east").address));
        String placeholder = GatewayAddressPlaceholder.of("west");
        List<Recorder.Call> embedding = run.calls().stream()
                .filter(c -> c.name().startsWith("east/") && c.request().getObject().toString().contains(WEST_LB)).toList();
        assertFalse(embedding.isEmpty(), "no object of east embeds west's resolved address");
        run.calls().forEach(c -> assertFalse(c.request().getObject().toString().contains(placeholder), c.name()));
    }
}
