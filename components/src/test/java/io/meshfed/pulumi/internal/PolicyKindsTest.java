package io.meshfed.pulumi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Stage;
import io.meshfed.translate.Translator;
import io.meshfed.translate.TrustSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy stage is split between the three policy components without loss or overlap. */
class PolicyKindsTest {

    private static final TrustSource TEST_TRUST = new TrustSource() {
        @Override
        public Map<String, String> cacerts(String cluster) {
            return Map.of("ca-cert.pem", "test", "ca-key.pem", "test", "cert-chain.pem", "test", "root-cert.pem", "test");
        }

        @Override
        public boolean workloadsNeedEcdsa() {
            return false;
        }

        @Override
        public String rootFingerprintSha256() {
            return "test";
        }
    };

    private static MeshPlan plan(String yaml) {
        MeshSpec spec = SpecLoader.load(yaml, "test");
        return Translator.translate(spec, TEST_TRUST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void partitionIsComplete(String stack) throws Exception {
        MeshSpec spec = SpecLoader.load(Path.of(System.getProperty("user.dir")).getParent().resolve("stacks/Pulumi." + stack + ".yaml"));
        for (ClusterPlan c : Translator.translate(spec, TEST_TRUST).clusters()) {
            List<MeshObject> all = new ArrayList<>();
            for (PolicyKinds kind : PolicyKinds.values()) {
                all.addAll(kind.of(c));
            }
            assertEquals(c.objects(Stage.POLICIES).size(), all.size(), c.cluster());
            assertTrue(all.containsAll(c.objects(Stage.POLICIES)), c.cluster());
        }
    }

    @Test
    void localFailoverRuleGoesToFailoverAndSubsetsToTraffic() {
        MeshPlan plan = plan("""
                name: fo
                clusters:
                  - {name: a, context: kind-a, eastWestGateway: {address: 10.0.0.1}}
                  - {name: b, context: kind-b, eastWestGateway: {address: 10.0.0.2}}
                services:
                  - {name: reviews, namespace: shop, cluster: a, serviceAccount: reviews, ports: [{name: http, number: 9080}], versions: [v1]}
                failover:
                  - name: reviews-failover
                    service: {service: reviews, namespace: shop}
                    outlierDetection: {consecutive5xxErrors: 3, interval: 5s, baseEjectionTime: 30s, maxEjectionPercent: 100}
                """);
        ClusterPlan a = plan.cluster("a");
        List<MeshObject> failover = PolicyKinds.FAILOVER.of(a);
        assertEquals(1, failover.size(), () -> "policies: " + a.objects(Stage.POLICIES).stream().map(MeshObject::key).toList());
        assertEquals("DestinationRule", failover.get(0).kind());
        assertFalse(PolicyKinds.TRAFFIC.of(a).contains(failover.get(0)));
        assertTrue(PolicyKinds.ACCESS.of(a).stream().allMatch(o -> Map.of("PeerAuthentication", 1, "AuthorizationPolicy", 1).containsKey(o.kind())));
    }
}
