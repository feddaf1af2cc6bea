package io.meshfed.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.resources.InputArgs;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import io.meshfed.pulumi.MeshCluster;
import io.meshfed.pulumi.MeshClusterArgs;
import io.meshfed.pulumi.StackOutputs;
import io.meshfed.pulumi.TrafficPolicy;
import io.meshfed.pulumi.TrafficPolicyArgs;
import io.meshfed.pulumi.inputs.RouteArgs;
import io.meshfed.pulumi.inputs.ServiceRefArgs;
import io.meshfed.pulumi.inputs.SplitArgs;
import io.meshfed.stack.examples.PlatformStack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A team's own stack: the federation the example platform stack exports, read through a stack
 * reference, and one TrafficPolicy registered through the team's own MeshCluster of east.
 */
class TeamStackTest {

    /** The platform's export as the engine hands it to another stack: the reference's fields as JSON. */
    private static final ObjectMapper EXPORTED = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(InputArgs.class, Bookkeeping.class);

    @JsonIgnoreProperties("inputInfos")
    private abstract static class Bookkeeping {
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void aTeamsTrafficPolicyUsesThePlatformsFederationAndItsOwnProvider() {
        MockStack.Run platform = new PlatformStackGraphTest().platformRun();
        Object federation = EXPORTED.convertValue(PulumiTest.extractValue(platform.result().outputs().get("federation")), Map.class);
        PulumiTest.cleanup();

        Mocks mocks = args -> {
            Map<String, Object> state = new HashMap<>(args.inputs);
            if (args.type.equals("pulumi:pulumi:StackReference")) {
                state.put("outputs", Map.of("federation", federation));
                state.put("secretOutputNames", List.of());
            }
            return CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(args.name + "_id"), state));
        };
        MockStack.Run team = MockStack.run("team", Map.of(), mocks, ctx -> {
            var platformStack = new StackReference("platform", StackReferenceArgs.builder().name("acme/platform/dev").build());
            MeshCluster east = new MeshCluster("east", MeshClusterArgs.builder().mesh(PlatformStack.MESH).name("east")
                    .kubeconfig("apiVersion: v1\nkind: Config\n# team credentials\n").build(), null);
            new TrafficPolicy("ratings-testers", TrafficPolicyArgs.builder()
                    .federation(StackOutputs.federation(platformStack.requireOutput("federation")))
                    .clusters(east)
                    .destination(ServiceRefArgs.builder().service("ratings").namespace("bookinfo").build())
                    .sourceClusters("east")
                    .routes(RouteArgs.builder().split(SplitArgs.builder().subset("v2").build()).build())
                    .build(), null);
        });
        assertTrue(team.result().exceptions().isEmpty(), () -> "team program failed: " + team.result().exceptions());
        List<Registered> routes = team.resources().stream().filter(r -> r.type().endsWith(":VirtualService")).toList();
        assertEquals(List.of("east/VirtualService/bookinfo/ratings-testers"), routes.stream().map(Registered::name).toList());
        Registered provider = team.resources().stream().filter(r -> r.type().equals("pulumi:providers:kubernetes")).findFirst().orElseThrow();
        assertEquals(provider.urn(), routes.get(0).providerUrn(), "through the team's own provider of east");
    }
}
