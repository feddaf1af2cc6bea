package io.meshfed.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import io.meshfed.stack.examples.PlatformStack;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example platform stack (typed components composed by hand) under the mock engine: kubeconfigs
 * from another stack's outputs, one provider per cluster, parents, dependsOn from trust to policies,
 * secrets, and the same registrations on every run.
 */
class PlatformStackGraphTest {

    private static final String EAST_KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters: [{name: east}]\n# east credentials\n";
    private static final String WEST_KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters: [{name: west}]\n# west credentials\n";
    private static final String WEST_ADDRESS = "203.0.113.20";
    private static final String EAST_LB = "203.0.113.10";
    private static final String SEED = Base64.getEncoder().encodeToString("platform-example-seed-32-bytes!!".getBytes());
    private static final Map<String, String> CONFIG = Map.of("meshfed:clustersStack", "acme/clusters/dev", "meshfed:trustSeed", SEED);

    /** The clusters stack's outputs, east's load balancer, deployed Helm releases; every other resource echoes its inputs. */
    private static final Mocks MOCKS = args -> {
        if (args.type.equals("pulumi:pulumi:StackReference")) {
            return done(args.name, Map.of("name", args.inputs.get("name"), "outputs", Map.of("eastKubeconfig", EAST_KUBECONFIG,
                    "westKubeconfig", WEST_KUBECONFIG, "westGatewayAddress", WEST_ADDRESS), "secretOutputNames", List.of()));
        }
        if (args.type.equals("kubernetes:core/v1:Service") && args.id != null && !args.id.isEmpty()) {
            return done(args.id, Map.of("status", Map.of("loadBalancer", Map.of("ingress", List.of(Map.of("ip", EAST_LB))))));
        }
        Map<String, Object> state = new HashMap<>(args.inputs);
        if (args.type.equals("kubernetes:helm.sh/v3:Release")) {
            state.put("status", Map.of("name", args.inputs.get("name"), "namespace", args.inputs.get("namespace"), "status", "deployed"));
        }
        return done(args.name + "_id", state);
    };

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static CompletableFuture<Mocks.ResourceResult> done(String id, Map<String, Object> state) {
        return CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(id), state));
    }

    /** The platform stack run under the mock engine (also for the team stack's test). */
    MockStack.Run platformRun() {
        return run();
    }

    private static MockStack.Run run() {
        MockStack.Run run = MockStack.run("dev", CONFIG, MOCKS, PlatformStack::program);
        assertTrue(run.result().exceptions().isEmpty(), () -> "program failed: " + run.result().exceptions());
        return run;
    }

    @Test
    void kubeconfigsFromTheClustersStackReachOneSecretProviderPerCluster() {
        MockStack.Run run = run();
        String clustersStack = "urn:pulumi:dev::meshfed::pulumi:pulumi:Stack$pulumi:pulumi:StackReference::clusters"; // read, not registered
        Map<String, Registered> providers = byName(run, "pulumi:providers:kubernetes");
        assertEquals(Set.of("east", "west"), providers.keySet());
        Map<String, String> kubeconfigs = Map.of("east", EAST_KUBECONFIG, "west", WEST_KUBECONFIG);
        providers.forEach((cluster, provider) -> {
            Registered.Secret kubeconfig = assertInstanceOf(Registered.Secret.class, provider.inputs().get("kubeconfig"), cluster);
            assertEquals(kubeconfigs.get(cluster), kubeconfig.value());
            assertTrue(provider.dependencies().contains(clustersStack), cluster + "'s provider must wait for the clusters stack: "
                    + provider.dependencies());
            assertEquals("meshfed:index:MeshCluster", byUrn(run).get(provider.parent()).type());
        });
        for (Registered r : kube(run)) {
            String cluster = r.name().substring(0, r.name().indexOf('/'));
            assertEquals(providers.get(cluster).urn(), r.providerUrn(), r.name() + " goes through its cluster's provider");
        }
    }

    @Test
    void everyResourceHasItsComponentAsParentAndComponentsSitAtTheStack() {
        MockStack.Run run = run();
        Map<String, Registered> byUrn = byUrn(run);
        Map<String, String> componentOf = new TreeMap<>();
        for (Registered r : run.resources()) {
            if (r.type().startsWith("meshfed:index:")) {
                assertEquals("pulumi:pulumi:Stack", byUrn.get(r.parent()).type(), r.name());
            } else if (r.isKubernetes()) {
                Registered parent = byUrn.get(r.parent());
                assertTrue(parent.type().startsWith("meshfed:index:"), r.name());
                componentOf.put(r.name(), parent.type().substring("meshfed:index:".length()) + " " + parent.name());
            }
        }
        assertEquals("MeshCluster east", componentOf.get("east/Namespace/istio-system"));
        assertEquals("SharedRootTrust platform-trust", componentOf.get("west/Secret/istio-system/cacerts"));
        assertEquals("IstioInstallation east-istio", componentOf.get("east/helm/istiod"));
        assertEquals("EastWestGateway west-eastwest", componentOf.get("west/helm/istio-eastwestgateway"));
        assertEquals("MeshFederation platform", componentOf.get("east/Namespace/bookinfo"));
        assertEquals("MeshFederation platform", componentOf.get("east/ServiceEntry/bookinfo/ratings-global"));
        assertEquals("TrafficPolicy ratings-canary", componentOf.get("east/VirtualService/bookinfo/ratings-canary"));
        assertEquals("FailoverPolicy reviews-failover", componentOf.get("east/VirtualService/bookinfo/reviews-failover"));
        assertEquals("AccessPolicy platform-access", componentOf.get("west/AuthorizationPolicy/istio-system/global-deny"));
    }

    @Test
    void dependsOnRunsFromTrustThroughIstioGatewaysAndFederationToPolicies() {
        MockStack.Run run = run();
        Map<String, Registered> byName = run.resources().stream().filter(Registered::isKubernetes)
                .collect(Collectors.toMap(Registered::name, r -> r));
        Map<String, Registered> byUrn = byUrn(run);
        List<String[]> chain = List.of(
                new String[] {"east/Secret/istio-system/cacerts", "east/Namespace/istio-system"},
                new String[] {"east/helm/istiod", "east/Secret/istio-system/cacerts"},
                new String[] {"east/helm/istiod", "east/helm/istio-base"},
                new String[] {"east/helm/istio-eastwestgateway", "east/helm/istiod"},
                new String[] {"east/helm/istio-eastwestgateway", "east/Namespace/istio-gateways"},
                new String[] {"east/Gateway/istio-gateways/cross-network-gateway", "east/helm/istio-eastwestgateway"},
                new String[] {"east/ServiceEntry/bookinfo/ratings-global", "east/helm/istio-eastwestgateway"},
                new String[] {"east/ServiceEntry/bookinfo/ratings-global", "west/helm/istio-eastwestgateway"},
                new String[] {"east/ServiceEntry/bookinfo/ratings-global", "east/Namespace/bookinfo"},
                new String[] {"east/VirtualService/bookinfo/ratings-canary", "east/ServiceEntry/bookinfo/ratings-global"},
                new String[] {"west/AuthorizationPolicy/bookinfo/bookinfo-internal", "west/DestinationRule/bookinfo/ratings-global"});
        for (String[] edge : chain) {
            Registered later = byName.get(edge[0]);
            Registered earlier = byName.get(edge[1]);
            assertTrue(later != null && earlier != null, () -> "missing " + String.join(" or ", edge) + " in " + byName.keySet());
            assertTrue(reachable(later, byUrn).contains(earlier.urn()), edge[0] + " must wait for " + edge[1]);
        }
        assertFalse(reachable(byName.get("east/Namespace/bookinfo"), byUrn).contains(byName.get("east/helm/istiod").urn()),
                "namespaces wait for nothing but their provider");
    }

    @Test
    void keysAndKubeconfigsStaySecretAndAddressesFromOutputsReachTheFederation() {
        MockStack.Run run = run();
        Registered secret = byName(run, "kubernetes:core/v1:Secret").get("east/Secret/istio-system/cacerts");
        Registered.Secret data = assertInstanceOf(Registered.Secret.class, secret.inputs().get("stringData"));
        assertTrue(((Map<?, ?>) data.value()).get("ca-key.pem").toString().contains("PRIVATE KEY"));
        for (Registered r : run.resources()) {
            String plain = withoutSecrets(r.inputs());
            assertFalse(plain.contains("PRIVATE KEY"), r.name() + " has a private key outside a secret");
            assertFalse(plain.contains("credentials") || plain.contains(SEED), r.name() + " has a credential outside a secret");
        }
        Registered istiod = byName(run, "kubernetes:helm.sh/v3:Release").get("east/helm/istiod");
        assertTrue(String.valueOf(istiod.inputs().get("values")).contains("BEGIN CERTIFICATE"), "istiod trusts the shared root (plain)");
        assertTrue(String.valueOf(istiod.inputs().get("values")).contains("cpu=200m"), "the chart values input reached istiod");
        List<String> westEntries = kube(run).stream().filter(r -> r.name().startsWith("east/WorkloadEntry/"))
                .map(r -> String.valueOf(((Map<?, ?>) r.inputs().get("spec")).get("address"))).distinct().toList();
        assertEquals(List.of(WEST_ADDRESS), westEntries, "east reaches west at the address the clusters stack exported");
        assertEquals(EAST_LB, PulumiTest.extractValue(run.result().outputs().get("eastGatewayAddress")));
        assertEquals("spiffe://east", PulumiTest.extractValue(run.result().outputs().get("eastIdentity")));
    }

    @Test
    void twoRunsRegisterTheSameResources() {
        Map<String, Object> first = RegisteredObjects.normalised(RegisteredObjects.of(run()));
        PulumiTest.cleanup();
        Map<String, Object> second = RegisteredObjects.normalised(RegisteredObjects.of(run()));
        assertTrue(first.size() > 30, "too few resources: " + first.size());
        assertEquals(first, second);
    }

    private static List<Registered> kube(MockStack.Run run) {
        return run.resources().stream().filter(Registered::isKubernetes).toList();
    }

    private static Map<String, Registered> byName(MockStack.Run run, String type) {
        return run.resources().stream().filter(r -> r.type().equals(type)).collect(Collectors.toMap(Registered::name, r -> r));
    }

    private static Map<String, Registered> byUrn(MockStack.Run run) {
        return run.resources().stream().collect(Collectors.toMap(Registered::urn, r -> r));
    }

    /** URNs reachable through dependsOn edges. */
    private static Set<String> reachable(Registered from, Map<String, Registered> byUrn) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(from.dependencies());
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next) && byUrn.containsKey(next)) {
                todo.addAll(byUrn.get(next).dependencies());
            }
        }
        return seen;
    }

    private static String withoutSecrets(Object o) {
        if (o instanceof Registered.Secret) {
            return "<secret>";
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, String> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(k, withoutSecrets(v)));
            return out.toString();
        }
        if (o instanceof List<?> l) {
            return l.stream().map(PlatformStackGraphTest::withoutSecrets).toList().toString();
        }
        return String.valueOf(o);
    }
}
