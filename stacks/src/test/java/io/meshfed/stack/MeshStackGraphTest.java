package io.meshfed.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.PulumiTest;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Stage;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every example stack under the mock engine: graph, providers, stage order, secrets, exact objects. */
class MeshStackGraphTest {

    private MockStack.Run lastRun;

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static MockStack.Run run(String stack) {
        MockStack.Run run = MockStack.run(stack, Map.of("meshfed:mesh", StackFixtures.meshConfigJson(stack)),
                MeshStack.program(ctx -> FakeTrust::of));
        assertTrue(run.result().exceptions().isEmpty(), () -> "program failed: " + run.result().exceptions());
        return run;
    }

    private static Map<String, Registered> byName(List<Registered> resources, String typePrefix) {
        return resources.stream().filter(r -> r.type().startsWith(typePrefix))
                .collect(Collectors.toMap(Registered::name, r -> r, (a, b) -> {
                    throw new AssertionError("two resources named " + a.name());
                }, TreeMap::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void registersExactlyTheTranslation(String stack) {
        MockStack.Run run = run(stack);
        MeshPlan plan = StackFixtures.plan(StackFixtures.meshConfigJson(stack));
        Map<String, Object> registered = new TreeMap<>();
        run.resources().stream().filter(r -> r.isKubernetes() && !r.type().equals("kubernetes:helm.sh/v3:Release"))
                .forEach(r -> registered.put(r.name(), Structs.plain(r.inputs())));
        assertEquals(new TreeMap<>(StackFixtures.expectedObjects(plan)), registered);

        Map<String, Registered> releases = byName(run.resources(), "kubernetes:helm.sh/v3:Release");
        Map<String, HelmRelease> expected = StackFixtures.expectedReleases(plan);
        assertEquals(expected.keySet(), releases.keySet());
        expected.forEach((name, release) -> {
            Map<String, Object> inputs = releases.get(name).inputs();
            assertEquals(release.name(), inputs.get("name"), name);
            assertEquals(release.chart(), inputs.get("chart"), name);
            assertEquals(release.namespace(), inputs.get("namespace"), name);
            assertEquals(release.version(), inputs.get("version"), name);
            assertEquals(Map.of("repo", release.repository()), Structs.plain(inputs.get("repositoryOpts")), name);
            assertEquals(Structs.plain(release.values()), Structs.plain(inputs.get("values")), name);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void namespacesAndOnlyNamespacesSurviveADestroy(String stack) {
        MockStack.Run run = run(stack);
        long namespaces = 0;
        for (var request : run.requests()) {
            boolean namespace = request.getType().equals("kubernetes:core/v1:Namespace");
            assertEquals(namespace, request.getRetainOnDelete(), request.getName());
            namespaces += namespace ? 1 : 0;
        }
        assertTrue(namespaces > 0, "the stack registers namespaces");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void oneProviderPerClusterAndEveryChildParented(String stack) {
        MockStack.Run run = run(stack);
        MeshPlan plan = StackFixtures.plan(StackFixtures.meshConfigJson(stack));
        Map<String, Registered> providers = byName(run.resources(), "pulumi:providers:kubernetes");
        List<String> clusters = plan.clusters().stream().map(c -> c.cluster()).sorted().toList();
        assertEquals(clusters, List.copyOf(providers.keySet()));
        Map<String, Registered> byUrn = run.resources().stream().collect(Collectors.toMap(Registered::urn, r -> r));
        Map<String, StackFixtures.Placed> placement = StackFixtures.placement(plan);

        providers.forEach((cluster, provider) -> {
            Registered parent = byUrn.get(provider.parent());
            assertEquals("meshfed:index:MeshCluster", parent.type());
            assertEquals(cluster, parent.name());
            String context = plan.spec().requireCluster(cluster).context();
            assertEquals(context, provider.inputs().get("context"));
        });
        for (Registered r : run.resources()) {
            if (r.type().equals("pulumi:pulumi:Stack")) {
                continue;
            }
            if (r.type().equals("meshfed:index:Mesh")) {
                assertEquals(plan.spec().name(), r.name());
                assertEquals("pulumi:pulumi:Stack", byUrn.get(r.parent()).type());
                continue;
            }
            assertTrue(byUrn.containsKey(r.parent()), () -> r.name() + " is not parented to a registered resource");
            if (r.isKubernetes()) {
                String cluster = placement.get(r.name()).cluster();
                assertEquals(providers.get(cluster).urn(), r.providerUrn(), r.name());
                assertTrue(byUrn.get(r.parent()).type().startsWith("meshfed:index:"), r.name());
            }
        }
        Map<String, Long> componentCounts = run.resources().stream().filter(r -> r.type().startsWith("meshfed:index:"))
                .collect(Collectors.groupingBy(Registered::type, TreeMap::new, Collectors.counting()));
        long n = clusters.size();
        Map<String, Long> expectedCounts = new TreeMap<>(Map.of("meshfed:index:Mesh", 1L, "meshfed:index:MeshCluster", n,
                "meshfed:index:SharedRootTrust", 1L, "meshfed:index:IstioInstallation", n, "meshfed:index:EastWestGateway", n,
                "meshfed:index:MeshFederation", 1L, "meshfed:index:AccessPolicy", 1L));
        if (!plan.spec().traffic().isEmpty()) {
            expectedCounts.put("meshfed:index:TrafficPolicy", (long) plan.spec().traffic().size());
        }
        if (!plan.spec().failover().isEmpty()) {
            expectedCounts.put("meshfed:index:FailoverPolicy", (long) plan.spec().failover().size());
        }
        assertEquals(expectedCounts, componentCounts);
    }

    /**
     * In each cluster: trust, Istio, gateways, federation and policies in stage order; every object
     * after the cluster's istio-system namespace and after the namespace it lives in (the other
     * namespaces come with the gateway and the federation and wait for nothing else); nothing waits
     * for a later stage; and objects that embed a remote gateway's address wait for that gateway.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void dependsOnEnforcesStageOrderAndRemoteGateways(String stack) {
        MockStack.Run run = run(stack);
        MeshPlan plan = StackFixtures.plan(StackFixtures.meshConfigJson(stack));
        Map<String, StackFixtures.Placed> placement = StackFixtures.placement(plan);
        List<Registered> kube = run.resources().stream().filter(Registered::isKubernetes).toList();
        Map<String, Registered> byUrn = run.resources().stream().collect(Collectors.toMap(Registered::urn, r -> r));
        int ordered = 0;
        for (Registered later : kube) {
            StackFixtures.Placed l = placement.get(later.name());
            Set<String> reach = reachable(later.urn(), byUrn);
            for (Registered earlier : kube) {
                StackFixtures.Placed e = placement.get(earlier.name());
                if (!e.cluster().equals(l.cluster()) || earlier == later) {
                    continue;
                }
                if (mustWaitFor(l, e)) {
                    assertTrue(reach.contains(earlier.urn()), later.name() + " must wait for " + earlier.name());
                    ordered++;
                } else if (e.stage().compareTo(l.stage()) > 0) {
                    assertFalse(reach.contains(earlier.urn()), later.name() + " must not wait for later " + earlier.name());
                }
            }
            if (l.object() != null) {
                for (String remote : l.object().needsGatewayOf()) {
                    List<Registered> gateways = kube.stream().filter(g -> isOwnGateway(placement.get(g.name()), remote)).toList();
                    assertFalse(gateways.isEmpty(), "no gateway resources of " + remote);
                    gateways.forEach(g -> assertTrue(reach.contains(g.urn()), later.name() + " must wait for " + g.name()));
                }
            }
        }
        assertTrue(ordered > 0, "no stage-ordered pairs checked");
    }

    private static boolean mustWaitFor(StackFixtures.Placed later, StackFixtures.Placed earlier) {
        if (earlier.stage() != Stage.NAMESPACES) {
            return later.stage() != Stage.NAMESPACES && earlier.stage().compareTo(later.stage()) < 0;
        }
        String namespace = earlier.object().name();
        return later.stage() != Stage.NAMESPACES && (namespace.equals("istio-system")
                || later.object() != null && namespace.equals(later.object().namespace())
                || later.object() == null && namespace.equals(later.releaseNamespace()));
    }

    /**
     * The component graph: trust after every cluster, each installation after its cluster and the
     * trust, each gateway after its installation, the federation after every gateway, every policy
     * after the federation.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void componentsWaitForTheComponentsTheirInputsCameFrom(String stack) {
        MockStack.Run run = run(stack);
        lastRun = run;
        MeshPlan plan = StackFixtures.plan(StackFixtures.meshConfigJson(stack));
        Map<String, Registered> components = run.resources().stream().filter(r -> r.type().startsWith("meshfed:index:"))
                .collect(Collectors.toMap(r -> r.type().substring("meshfed:index:".length()) + " " + r.name(), r -> r));
        String mesh = plan.spec().name();
        Registered trust = components.get("SharedRootTrust " + mesh + "-trust");
        Registered federation = components.get("MeshFederation " + mesh + "-federation");
        for (var cluster : plan.clusters()) {
            String c = cluster.cluster();
            assertWaits(trust, components.get("MeshCluster " + c));
            Registered installation = components.get("IstioInstallation " + c + "-istio");
            assertWaits(installation, components.get("MeshCluster " + c));
            assertWaits(installation, trust);
            Registered gateway = components.get("EastWestGateway " + c + "-eastwest");
            assertWaits(gateway, installation);
            assertWaits(federation, gateway);
        }
        List<Registered> policies = components.values().stream().filter(r -> r.type().endsWith("Policy")).toList();
        assertEquals(1 + plan.spec().traffic().size() + plan.spec().failover().size(), policies.size());
        policies.forEach(policy -> assertWaits(policy, federation));
    }

    /** A component's dependsOn names the earlier component, or (Pulumi expands components) its children. */
    private void assertWaits(Registered later, Registered earlier) {
        Set<String> earlierAndChildren = new HashSet<>(Set.of(earlier.urn()));
        boolean grew = true;
        while (grew) {
            grew = lastRun.resources().stream().filter(r -> earlierAndChildren.contains(r.parent())).map(Registered::urn)
                    .anyMatch(earlierAndChildren::add);
        }
        assertTrue(later.dependencies().stream().anyMatch(earlierAndChildren::contains),
                later.name() + " (" + later.type() + ") must depend on " + earlier.name() + ": " + later.dependencies());
    }

    private static boolean isOwnGateway(StackFixtures.Placed p, String cluster) {
        return p.cluster().equals(cluster) && p.stage() == Stage.GATEWAYS
                && (p.object() == null || p.object().needsGatewayOf().isEmpty());
    }

    /** URNs reachable through dependsOn edges (a dependency on a component counts through its children). */
    private static Set<String> reachable(String urn, Map<String, Registered> byUrn) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(byUrn.get(urn).dependencies());
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next) && byUrn.containsKey(next)) {
                todo.addAll(byUrn.get(next).dependencies());
            }
        }
        return seen;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void cacertsContentsAreSecretAndTheKeyLeaksNowhere(String stack) {
        MockStack.Run run = run(stack);
        MeshPlan plan = StackFixtures.plan(StackFixtures.meshConfigJson(stack));
        List<Registered> secrets = run.resources().stream().filter(r -> r.type().equals("kubernetes:core/v1:Secret")).toList();
        assertEquals(plan.clusters().size(), secrets.size());
        for (Registered secret : secrets) {
            Registered.Secret data = assertInstanceOf(Registered.Secret.class, secret.inputs().get("stringData"), secret.name());
            assertTrue(((Map<?, ?>) data.value()).get("ca-key.pem").toString().contains(FakeTrust.KEY_MARKER));
        }
        for (Registered r : run.resources()) {
            assertFalse(withoutSecrets(r.inputs()).contains(FakeTrust.KEY_MARKER), r.name() + " leaks the key in plain inputs");
        }
        run.result().outputs().forEach((name, output) ->
                assertFalse(String.valueOf(PulumiTest.extractValue(output)).contains(FakeTrust.KEY_MARKER), name));
    }

    private static String withoutSecrets(Object o) {
        if (o instanceof Registered.Secret) {
            return "<secret>";
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, String> out = new HashMap<>();
            m.forEach((k, v) -> out.put(k, withoutSecrets(v)));
            return out.toString();
        }
        if (o instanceof List<?> l) {
            return l.stream().map(MeshStackGraphTest::withoutSecrets).toList().toString();
        }
        return String.valueOf(o);
    }
}
