package io.meshfed.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule, each with a spec that breaks it and the exact problem reported. */
class ValidationRulesTest {

    private static final String CLUSTERS = """
            name: test
            clusters:
              - {name: c1, network: n1, locality: {region: r1}}
              - {name: c2, network: n2, locality: {region: r2}}
            """;
    private static final String SERVICES = """
            services:
              - {name: reviews, cluster: c1, serviceAccount: reviews, ports: [{number: 9080}], versions: [v1, v2]}
              - {name: reviews, cluster: c2, serviceAccount: reviews, ports: [{number: 9080}], versions: [v3]}
              - {name: sleep, namespace: sleep, cluster: c1, ports: [{number: 80}]}
            federation:
              exports:
                - {service: reviews}
            """;

    static Stream<Arguments> brokenSpecs() {
        return Stream.of(
                rule("name: Bad_Name\nclusters: [{name: c1}]\n", "name",
                        "'Bad_Name' is not a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters)"),
                rule("name: t\nclusters: []\n", "clusters", "at least one cluster is required"),
                rule("name: t\nclusters: [{name: c1}, {name: c1}]\n", "clusters[1].name", "duplicate cluster name 'c1' (also clusters[0])"),
                rule("name: t\nclusters: [{name: c1, eastWestGateway: {port: 70000}}]\n", "clusters[0].eastWestGateway.port",
                        "must be a port number between 1 and 65535, was 70000"),
                rule("name: t\nclusters: [{name: c1, locality: {zone: z}}]\n", "clusters[0].locality.region", "required when a zone is given"),
                rule(CLUSTERS + "istio: {mode: proxyless}\n", "istio.mode", "'proxyless' is not one of sidecar, ambient"),
                rule(CLUSTERS + "istio: {version: latest}\n", "istio.version", "'latest' is not an Istio version such as 1.30.3"),
                rule(CLUSTERS + "istio: {waypoints: [{cluster: c1, namespace: a}]}\n", "istio.waypoints[0]", "waypoints need istio.mode: ambient"),
                rule(CLUSTERS + "trust: {keyType: DSA}\n", "trust.keyType", "'DSA' is not one of EC_P256, EC_P384, RSA_3072, RSA_4096"),
                rule(CLUSTERS + "trust: {notBefore: yesterday}\n", "trust.notBefore",
                        "'yesterday' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z"),
                rule(CLUSTERS + "trust: {rootValidity: 10 years}\n", "trust.rootValidity",
                        "'10 years' is not a duration (use e.g. 500ms, 2s, 1m30s, 8760h)"),
                rule(CLUSTERS + "trust: {epoch: 0}\n", "trust.epoch", "must be at least 1, was 0"),
                rule(CLUSTERS + "trust: {rootRotation: TRUST_BOTH}\n", "trust.rootRotation",
                        "a root rotation needs trust.rootEpoch of 2 or more (the previous root is rootEpoch - 1)"),
                rule(CLUSTERS + "trust: {root: provided}\n", "trust.providedRootCertFile", "required"),
                rule(CLUSTERS + "services: [{name: a, cluster: c9, ports: [{number: 80}]}]\n", "services[0].cluster", "unknown cluster 'c9'"),
                rule(CLUSTERS + "services: [{name: a, cluster: c1, ports: [{number: 80}]}, {name: a, cluster: c1, ports: [{number: 81}]}]\n",
                        "services[1]", "duplicate service 'a' in c1/default (also services[0])"),
                rule(CLUSTERS + "services: [{name: a, cluster: c1}]\n", "services[0].ports", "at least one port is required"),
                rule(CLUSTERS + "services: [{name: a, cluster: c1, ports: [{number: 80, protocol: QUIC}]}]\n", "services[0].ports[0].protocol",
                        "'QUIC' is not one of HTTP, HTTP2, HTTPS, GRPC, TCP, TLS, MONGO, REDIS, MYSQL"),
                rule(CLUSTERS + "services: [{name: a, cluster: c1, ports: [{number: 80}], versions: [v1, v1]}]\n", "services[0].versions[1]",
                        "duplicate version 'v1' (also services[0].versions[0])"),
                rule(CLUSTERS + SERVICES.replace("- {service: reviews}", "- {service: ratings}"), "federation.exports[0].service",
                        "no service 'ratings' in namespace 'default' is declared in services"),
                rule(CLUSTERS + SERVICES.replace("- {service: reviews}", "- {service: reviews, from: [c9]}"), "federation.exports[0].from[0]",
                        "unknown cluster 'c9'"),
                rule(CLUSTERS + SERVICES.replace("- {service: reviews}", "- {service: sleep, namespace: sleep, from: [c2]}"),
                        "federation.exports[0].from[0]", "cluster 'c2' does not declare service sleep.sleep"),
                rule(CLUSTERS + SERVICES + "  hostSuffix: example.com\n", "federation.hostSuffix", "'example.com' is not one of global, mesh.internal"),
                rule(CLUSTERS + SERVICES.replace("- {service: reviews}", "- {service: reviews}\n    - {service: reviews}"), "federation.exports[1]",
                        "service reviews.default is exported twice"),
                rule(CLUSTERS + SERVICES + "access: {mtls: OFF}\n", "access.mtls", "'OFF' is not one of STRICT, PERMISSIVE, DISABLE"),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a}, {name: a}]}\n", "access.policies[1].name", "duplicate access policy name 'a'"),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, methods: [FETCH]}]}\n", "access.policies[0].methods[0]",
                        "'FETCH' is not one of GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, CONNECT, TRACE"),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, paths: [api]}]}\n", "access.policies[0].paths[0]",
                        "must start with '/' or '*' (Istio path match), was 'api'"),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, from: [{}]}]}\n", "access.policies[0].from[0]",
                        "name at least one serviceAccount or namespace (leave 'from' out to allow any source)"),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, to: {services: [nope]}}]}\n", "access.policies[0].to.services[0]",
                        "no service 'nope' is declared in services"),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, to: {services: [reviews], labels: {app: x}}}]}\n", "access.policies[0].to",
                        "select by services or by labels, not both"),
                rule(CLUSTERS.replace("locality: {region: r2}}", "locality: {region: r2}, trustDomain: c1}") + SERVICES
                                + "access: {policies: [{name: a, from: [{serviceAccounts: [{cluster: c1, namespace: sleep, name: sleep}]}]}]}\n",
                        "access.policies[0].from[0].serviceAccounts[0].cluster",
                        "cluster 'c1' shares trust domain 'c1' with c2, so a policy cannot tell their workloads apart; give each cluster its own trustDomain"),
                rule(CLUSTERS + SERVICES + traffic("[{cluster: c2, subset: v3, weight: 60}, {cluster: c1, subset: v1, weight: 30}]"),
                        "traffic[0].routes[0].split", "weights must sum to 100, they sum to 90"),
                rule(CLUSTERS + SERVICES + traffic("[{cluster: c2, subset: v3, weight: 120}, {cluster: c1, subset: v1, weight: 30}]"),
                        "traffic[0].routes[0].split[0].weight", "must be between 0 and 100, was 120"),
                rule(CLUSTERS + SERVICES + traffic("[{cluster: c2, subset: v3}, {cluster: c1, subset: v1, weight: 30}]"),
                        "traffic[0].routes[0].split[0].weight", "required when a route splits across several destinations"),
                rule(CLUSTERS + SERVICES + traffic("[{cluster: c2, subset: v1}]"), "traffic[0].routes[0].split[0].subset",
                        "unknown subset 'v1' of service reviews.default in cluster 'c2'"),
                rule(CLUSTERS + SERVICES + traffic("[{cluster: c3, subset: v1}]"), "traffic[0].routes[0].split[0].cluster", "unknown cluster 'c3'"),
                rule(CLUSTERS + SERVICES.replace("- {service: reviews}", "- {service: reviews, from: [c1], to: [c1]}") + traffic("[{cluster: c2, subset: v3}]"),
                        "traffic[0].routes[0].split[0].cluster",
                        "service reviews.default in cluster 'c2' is not reachable from source cluster 'c1' (export it in federation.exports)"),
                rule(CLUSTERS + SERVICES + traffic("[{cluster: c1, subset: v1, weight: 50}, {cluster: c1, subset: v1, weight: 50}]"),
                        "traffic[0].routes[0].split[1]", "duplicate destination (cluster c1, subset v1)"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [{split: [{subset: v1}], timeout: fast}]}\n",
                        "traffic[0].routes[0].timeout", "'fast' is not a duration (use e.g. 500ms, 2s, 1m30s, 8760h)"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [{split: [{subset: v1}], match: {uri: {exact: /a, prefix: /b}}}]}\n",
                        "traffic[0].routes[0].match.uri", "set exactly one of exact, prefix or regex"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [{split: [{subset: v1}], fault: {abort: {httpStatus: 99}}}]}\n",
                        "traffic[0].routes[0].fault.abort.httpStatus", "must be an HTTP status between 200 and 599, was 99"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [{split: [{subset: v1}], fault: {delay: {fixedDelay: 2s, percent: 150}}}]}\n",
                        "traffic[0].routes[0].fault.delay.percent", "must be between 0 and 100, was 150.0"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: ratings}, routes: [{split: [{subset: v1}]}]}\n",
                        "traffic[0].destination", "no service 'ratings' in namespace 'default' is declared in services"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}}\n", "traffic[0].routes", "at least one route is required"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [{split: [{subset: v1}]}]}\n"
                                + "  - {name: u, destination: {service: reviews}, routes: [{split: [{subset: v2}]}]}\n", "traffic[1].destination",
                        "another traffic policy already routes reviews.default; put all its routes, in order, into one policy"),
                rule(CLUSTERS.replace("name: test", "name: test\nistio: {mode: ambient}") + SERVICES + traffic("[{cluster: c2, subset: v3}]"),
                        "traffic[0].routes[0].split[0].cluster", "cluster-level splits need istio.mode: sidecar; in ambient mode split by subset"),
                rule(CLUSTERS.replace("name: test", "name: test\nistio: {mode: ambient}").replace("region: r2}}", "region: r2}, trustDomain: c2}"),
                        "clusters[1].trustDomain", "ambient mode needs one trust domain for the whole mesh: istiod gives remote workloads "
                                + "and network gateways its own (istio/istio#61608), so 'c2' here and 'test' in clusters[0] cannot reach "
                                + "each other; set the same trustDomain everywhere or leave it out (the mesh name)"),
                rule(CLUSTERS.replace("name: test", "name: test\nistio: {mode: ambient}").replace("region: r2}}", "region: r2}, eastWestGateway: {namespace: gw}}"),
                        "clusters[1].eastWestGateway.namespace", "ambient peers expect the remote east-west gateway's service account "
                                + "in their own namespace, so every cluster needs the same one: 'gw' here, 'istio-gateways' in clusters[0]"),
                rule(CLUSTERS + "istio: {mode: ambient, eastWestGatewayFlavor: gloo}\n", "istio.eastWestGatewayFlavor",
                        "'gloo' is not one of upstream, solo"),
                rule(CLUSTERS + "istio: {eastWestGatewayFlavor: solo}\n", "istio.eastWestGatewayFlavor",
                        "'solo' shapes ambient east-west gateways; it needs istio.mode: ambient"),
                rule(CLUSTERS.replace("name: test", "name: test\nistio: {version: 1.21.6}") + SERVICES, "istio.version",
                        "meshfed renders networking.istio.io/v1 and security.istio.io/v1 objects and key=value failover priorities, "
                                + "which need Istio 1.22 or later; was 1.21.6"),
                rule(CLUSTERS + SERVICES + "failover: [{name: f, service: {service: reviews}}]\n", "failover[0].outlierDetection",
                        "required: Istio only fails over when outlier detection ejects unhealthy endpoints"),
                rule(CLUSTERS + SERVICES + "failover: [{name: f, service: {service: reviews}, outlierDetection: {interval: often}}]\n",
                        "failover[0].outlierDetection.interval", "'often' is not a duration (use e.g. 500ms, 2s, 1m30s, 8760h)"),
                rule(CLUSTERS + SERVICES + "failover: [{name: f, service: {service: reviews}, outlierDetection: {}}, {name: f, service: {service: reviews}, outlierDetection: {}}]\n",
                        "failover[1].name", "duplicate failover policy name 'f'"));
    }

    private static String traffic(String split) {
        return "traffic:\n  - {name: t, destination: {service: reviews}, sourceClusters: [c1], routes: [{split: " + split + "}]}\n";
    }

    private static Arguments rule(String yaml, String path, String message) {
        return Arguments.of(yaml, path, message);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("brokenSpecs")
    void reportsTheProblemAtItsFieldPath(String yaml, String path, String message) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> SpecLoader.load(yaml, "mesh.yaml"));
        assertTrue(e.problems().contains(new Problem(path, message)), () -> "expected " + path + ": " + message + "\nbut got:\n" + e.getMessage());
    }

    @Test
    void aValidSpecHasNoProblems() {
        assertEquals(List.of(), SpecValidator.validate(SpecLoader.parse(CLUSTERS + SERVICES + traffic(
                "[{cluster: c2, subset: v3, weight: 75}, {cluster: c1, subset: v1, weight: 25}]"), "mesh.yaml")));
    }

    @Test
    void anAmbientMeshGivesEveryClusterWithoutATrustDomainTheMeshName() {
        // pilot/pkg/serviceregistry/ambient/workloads.go pickTrustDomain (Istio 1.30.3): one trust domain per ambient mesh.
        MeshSpec ambient = SpecLoader.load(CLUSTERS.replace("name: test", "name: test\nistio: {mode: ambient}"), "mesh.yaml");
        assertEquals(List.of("test", "test"), ambient.clusters().stream().map(ClusterSpec::effectiveTrustDomain).toList());
        MeshSpec sidecar = SpecLoader.load(CLUSTERS, "mesh.yaml");
        assertEquals(List.of("c1", "c2"), sidecar.clusters().stream().map(ClusterSpec::effectiveTrustDomain).toList());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> SpecLoader.load("name: t\nclusters: [{name: c1}, {name: c1}]\nistio: {mode: x}\n", "mesh.yaml"));
        assertEquals("""
                invalid mesh spec (2 problems):
                  clusters[1].name: duplicate cluster name 'c1' (also clusters[0])
                  istio.mode: 'x' is not one of sidecar, ambient""", e.getMessage());
    }
}
