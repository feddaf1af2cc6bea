package io.meshfed.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.meshfed.spec.InvalidSpecException;
import io.meshfed.spec.Problem;
import io.meshfed.spec.SpecLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Object names derived from spec names: distinct where the spec is sound, a field-path report where the spec's names collide. */
class NameCollisionsTest {

    private static final String TWO_CLUSTERS = """
            name: t
            clusters:
              - {name: c1, network: n1, eastWestGateway: {address: 10.0.0.1}}
              - {name: c2, network: n2, eastWestGateway: {address: 10.0.0.2}}
            """;

    @Test
    void servicesOfOneNameInTwoNamespacesGetTheirOwnEastWestRules() {
        MeshPlan plan = Examples.plan(SpecLoader.load(TWO_CLUSTERS + """
                services:
                  - {name: api, namespace: shop, cluster: c1, ports: [{number: 80}]}
                  - {name: api, namespace: shop, cluster: c2, ports: [{number: 80}]}
                  - {name: api, namespace: billing, cluster: c1, ports: [{number: 80}]}
                  - {name: api, namespace: billing, cluster: c2, ports: [{number: 80}]}
                  - {name: web, namespace: shop, cluster: c1, ports: [{number: 80}]}
                  - {name: web, namespace: shop, cluster: c2, ports: [{number: 80}]}
                federation:
                  exports: [{service: api, namespace: shop}, {service: api, namespace: billing}, {service: web, namespace: shop}]
                """, "mesh.yaml"));
        List<String> rules = plan.cluster("c1").ofType(DestinationRule.class).stream()
                .filter(dr -> dr.getMetadata().getNamespace().equals("istio-gateways")).map(dr -> dr.getMetadata().getName()).sorted().toList();
        assertEquals(List.of("api-global-billing-eastwest", "api-global-shop-eastwest", "web-global-eastwest"), rules);
    }

    @Test
    void policiesWhoseObjectsShareANameAreReportedAtBothFieldPaths() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Examples.plan(SpecLoader.load(TWO_CLUSTERS + """
                services:
                  - {name: reviews, cluster: c1, ports: [{number: 80}]}
                  - {name: reviews, cluster: c2, ports: [{number: 80}]}
                  - {name: ratings, cluster: c1, ports: [{number: 80}]}
                  - {name: ratings, cluster: c2, ports: [{number: 80}]}
                federation:
                  exports: [{service: reviews}, {service: ratings}]
                traffic:
                  - {name: shared, destination: {service: ratings}, sourceClusters: [c1], routes: [{split: [{cluster: c2}]}]}
                failover:
                  - {name: shared, service: {service: reviews}, outlierDetection: {consecutive5xxErrors: 5}}
                """, "mesh.yaml")));
        assertEquals(List.of(new Problem("failover[0].name",
                "renders VirtualService default/shared in cluster c1, as traffic[0].name does; rename one of them")), e.problems());
    }
}
