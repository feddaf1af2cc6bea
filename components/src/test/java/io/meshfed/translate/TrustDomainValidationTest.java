package io.meshfed.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.Secret;
import io.meshfed.spec.SpecLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * istiod's meshConfig.caCertificates: every trust domain of the mesh is validated on inbound mTLS
 * (pilot/pkg/networking/plugin/authn/util.go TrustDomainsForValidation, Istio 1.30.3), carried
 * by the roots each cluster already trusts.
 */
class TrustDomainValidationTest {

    private static final String TWO_CLUSTERS = """
            name: td
            clusters:
              - {name: east, network: ne, eastWestGateway: {address: 10.0.0.1}}
              - {name: west, network: nw, eastWestGateway: {address: 10.0.0.2}}
            """;

    private static Map<?, ?> meshConfig(MeshPlan plan, String cluster) {
        HelmRelease istiod = plan.cluster(cluster).releases(Stage.ISTIO).stream().filter(r -> r.chart().equals("istiod")).findFirst().orElseThrow();
        return (Map<?, ?>) istiod.values().get("meshConfig");
    }

    private static String rootCertPem(MeshPlan plan, String cluster) {
        return plan.cluster(cluster).ofType(Secret.class).get(0).getStringData().get("root-cert.pem");
    }

    @Test
    void everyClusterValidatesEveryTrustDomainOfTheMeshWithTheSharedRoot() {
        MeshPlan workshop = Examples.plan("smh-workshop");
        for (ClusterPlan cluster : workshop.clusters()) {
            Map<?, ?> meshConfig = meshConfig(workshop, cluster.cluster());
            assertEquals(cluster.cluster(), meshConfig.get("trustDomain"), "each cluster keeps its own trust domain");
            assertEquals(List.of(Map.of("pem", rootCertPem(workshop, cluster.cluster()), "trustDomains", List.of("kind1", "kind2", "kind3"))),
                    meshConfig.get("caCertificates"));
            assertFalse(meshConfig.containsKey("trustDomainAliases"), "aliases would merge the clusters' principals");
        }
    }

    @Test
    void duringARootRotationEachTrustedRootIsItsOwnEntry() {
        MeshPlan rotating = Examples.plan(SpecLoader.load(TWO_CLUSTERS + "trust: {rootEpoch: 2, rootRotation: TRUST_BOTH}\n", "rotation"));
        List<?> entries = (List<?>) meshConfig(rotating, "west").get("caCertificates");
        String bundle = rootCertPem(rotating, "west");
        assertEquals(2, entries.size());
        assertEquals(bundle, entries.stream().map(e -> (String) ((Map<?, ?>) e).get("pem")).reduce("", String::concat),
                "the two roots of root-cert.pem, in its order");
        entries.forEach(e -> assertEquals(List.of("east", "west"), ((Map<?, ?>) e).get("trustDomains")));
    }

    @Test
    void aMeshWithOneTrustDomainNeedsNoEntry() {
        MeshPlan shared = Examples.plan(SpecLoader.load(TWO_CLUSTERS.replace("network: nw,", "network: nw, trustDomain: east,"), "shared"));
        assertFalse(meshConfig(shared, "west").containsKey("caCertificates"));
    }
}
