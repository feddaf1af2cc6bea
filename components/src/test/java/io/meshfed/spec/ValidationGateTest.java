package io.meshfed.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The validator is the one gate: what translation, trust and the simulator assume (entries present,
 * unique names and namespaces, syntaxes, ranges, references) is reported here, at its field path,
 * and never surfaces later as an exception. Each spec breaks one assumption.
 */
class ValidationGateTest {

    private static final String CLUSTERS = """
            name: test
            clusters:
              - {name: c1, network: n1, locality: {region: r1}}
              - {name: c2, network: n2, locality: {region: r2}}
            """;
    private static final String SERVICES = """
            services:
              - {name: reviews, cluster: c1, serviceAccount: reviews, ports: [{name: http, number: 9080}], versions: [v1, v2]}
              - {name: reviews, cluster: c2, serviceAccount: reviews, ports: [{name: http, number: 9080}], versions: [v3]}
              - {name: sleep, namespace: sleep, cluster: c1, ports: [{number: 80}]}
            federation:
              exports:
                - {service: reviews}
            """;
    private static final String EMPTY = "empty entry: fill it in or remove it";

    static Stream<Arguments> brokenSpecs() {
        return Stream.of(
                // entries left empty, fields left out
                rule("name: t\nclusters: [{name: c1}, ~]\n", "clusters[1]", EMPTY),
                rule(CLUSTERS + "services: [~]\n", "services[0]", EMPTY),
                rule(CLUSTERS + "services: [{name: a, cluster: c1, ports: [~]}]\n", "services[0].ports[0]", EMPTY),
                rule(CLUSTERS + "services: [{name: a, cluster: c1, ports: [{number: 80}], versions: [v1, ~]}]\n", "services[0].versions[1]", EMPTY),
                rule(CLUSTERS + SERVICES.replace("- {service: reviews}", "- {service: reviews, from: [~]}"), "federation.exports[0].from[0]", EMPTY),
                rule(CLUSTERS + SERVICES.replace("- {service: reviews}", "- ~"), "federation.exports[0]", EMPTY),
                rule(CLUSTERS + SERVICES.replace("cluster: c2, serviceAccount", "serviceAccount"), "services[1].cluster", "required"),
                rule("name: t\nclusters: [{network: n}]\nservices: [{name: a, cluster: c1, ports: [{number: 80}]}]\n"
                        + "federation: {exports: [{service: a}]}\n", "clusters[0].name", "required"),
                rule(CLUSTERS + SERVICES + "access: {policies: [~]}\n", "access.policies[0]", EMPTY),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, from: [~]}]}\n", "access.policies[0].from[0]", EMPTY),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, from: [{serviceAccounts: [~]}]}]}\n",
                        "access.policies[0].from[0].serviceAccounts[0]", EMPTY),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, methods: [~]}]}\n", "access.policies[0].methods[0]", EMPTY),
                rule(CLUSTERS + SERVICES + "access: {namespaceIsolation: [~]}\n", "access.namespaceIsolation[0]", EMPTY),
                rule(CLUSTERS + SERVICES + "traffic: [~]\n", "traffic[0]", EMPTY),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [~]}\n", "traffic[0].routes[0]", EMPTY),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [{split: [~]}]}\n",
                        "traffic[0].routes[0].split[0]", EMPTY),
                rule(CLUSTERS + SERVICES + "failover: [~]\n", "failover[0]", EMPTY),
                rule(CLUSTERS + "istio: {mode: ambient, waypoints: [~]}\n", "istio.waypoints[0]", EMPTY),
                // unique names and namespaces
                rule(CLUSTERS + SERVICES + "access: {namespaceIsolation: [{namespace: sleep}, {cluster: c1, namespace: sleep}]}\n",
                        "access.namespaceIsolation[1]", "namespace 'sleep' is already isolated in every cluster by access.namespaceIsolation[0]"),
                rule(CLUSTERS + SERVICES + "access: {namespaceIsolation: [{cluster: c1, namespace: sleep}, {cluster: c1, namespace: sleep}]}\n",
                        "access.namespaceIsolation[1]", "namespace 'sleep' is already isolated in cluster 'c1' by access.namespaceIsolation[0]"),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: namespace-isolation}]}\n", "access.policies[0].name",
                        "'namespace-isolation' is the name of an AuthorizationPolicy meshfed renders itself; choose another"),
                rule(CLUSTERS + "services: [{name: a, cluster: c1, ports: [{name: web, number: 80}, {name: api, number: 80}]}]\n",
                        "services[0].ports[1].number", "duplicate port 80 (also services[0].ports[0])"),
                rule(CLUSTERS + SERVICES.replace("- {service: reviews}", "- {service: reviews, to: [c1, c1]}"), "federation.exports[0].to[1]",
                        "duplicate cluster 'c1' (also federation.exports[0].to[0])"),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, methods: [GET, GET]}]}\n", "access.policies[0].methods[1]",
                        "duplicate method 'GET' (also access.policies[0].methods[0])"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, sourceClusters: [c1, c1], routes: [{split: [{subset: v1}]}]}\n",
                        "traffic[0].sourceClusters[1]", "duplicate cluster 'c1' (also traffic[0].sourceClusters[0])"),
                rule(CLUSTERS + SERVICES + "failover:\n  - {name: f, service: {service: reviews}, outlierDetection: {}}\n"
                                + "  - {name: g, service: {service: reviews}, outlierDetection: {}}\n",
                        "failover[1].service", "failover[0] already covers reviews.default; put its priorities and regions into that one policy"),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, to: {services: [reviews, sleep]}}, {name: a-sleep}]}\n",
                        "access.policies[1].name", "renders the AuthorizationPolicy 'a-sleep', as access.policies[0] does; rename one of them"),
                rule(CLUSTERS + SERVICES.replace("versions: [v3]", "versions: [c1]"), "federation.exports[0]",
                        "subset 'c1' would stand for cluster c1 and for version c1 in the DestinationRule of reviews.default; rename the version"),
                rule(CLUSTERS.replace("name: test", "name: test\nistio: {mode: ambient}")
                                + SERVICES.replace("federation:", "  - {name: reviews-v1, cluster: c1, ports: [{number: 80}]}\nfederation:")
                                + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [{split: [{subset: v1}]}]}\n",
                        "traffic[0].routes[0].split[0].subset", "in ambient mode this split renders the Service default/reviews-v1, "
                                + "which services also declares; rename the version or that service"),
                rule(CLUSTERS + "istio: {mode: ambient, waypoints: [{cluster: c1, namespace: a}, {cluster: c1, namespace: a}]}\n",
                        "istio.waypoints[1]", "duplicate waypoint for c1/a (also istio.waypoints[0])"),
                // syntaxes: SPIFFE, DNS-1123, Kubernetes labels, addresses, HTTP headers, regular expressions
                rule(CLUSTERS.replace("network: n1,", "network: n1, trustDomain: ünïcode,"), "clusters[0].trustDomain",
                        "'ünïcode' is not a SPIFFE trust domain (lowercase letters, digits, '.', '-' and '_', at most 255 characters)"),
                rule(CLUSTERS.replace("network: n1,", "network: 'net one',"), "clusters[0].network",
                        "'net one' is not a Kubernetes label value (at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)"),
                rule(CLUSTERS.replace("region: r1", "region: Zürich"), "clusters[0].locality.region",
                        "'Zürich' is not a Kubernetes label value (at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)"),
                rule(CLUSTERS.replace("region: r1}", "region: r1}, eastWestGateway: {address: '10.0.0.300'}"), "clusters[0].eastWestGateway.address",
                        "'10.0.0.300' is not an IP address or a DNS host name"),
                rule(CLUSTERS.replace("region: r1}", "region: r1}, eastWestGateway: {port: 15021}"), "clusters[0].eastWestGateway.port",
                        "15021 is taken by the east-west gateway's status, istiod or webhook port (15021, 15012, 15017); use another, e.g. the default 15443"),
                rule(CLUSTERS + "istio: {version: 99999999999.1}\n", "istio.version", "'99999999999.1' is not an Istio version such as 1.30.3"),
                rule(CLUSTERS + "services: [{name: a, cluster: c1, serviceAccount: Ärger, ports: [{number: 80}]}]\n", "services[0].serviceAccount",
                        "'Ärger' is not a DNS-1123 subdomain (dot-separated DNS-1123 labels, at most 253 characters)"),
                rule(CLUSTERS + "services: [{name: a, cluster: c1, ports: [{name: HTTP, number: 80}]}]\n", "services[0].ports[0].name",
                        "'HTTP' is not a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters)"),
                rule(CLUSTERS + "services: [{name: a, cluster: c1, ports: [{number: 80}], labels: {'app/x/y': a}}]\n", "services[0].labels.app/x/y",
                        "'app/x/y' is not a Kubernetes label key (an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' and '.')"),
                rule(CLUSTERS + "services: [{name: a, cluster: c1, ports: [{number: 80}], labels: {app: ~}}]\n", "services[0].labels.app", "required"),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, to: {labels: {app: 'a b'}}}]}\n", "access.policies[0].to.labels.app",
                        "'a b' is not a Kubernetes label value (at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [{split: [{subset: v1}], "
                                + "match: {headers: {'end user': {exact: jason}}}}]}\n", "traffic[0].routes[0].match.headers.end user",
                        "'end user' is not an HTTP header name (letters, digits, '-' and '_')"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [{split: [{subset: v1}], "
                                + "match: {uri: {regex: '/api/('}}}]}\n", "traffic[0].routes[0].match.uri.regex",
                        "'/api/(' is not a regular expression: Unclosed group"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [{split: [{subset: v1}], "
                                + "match: {uri: {regex: '/(?!admin).*'}}}]}\n", "traffic[0].routes[0].match.uri.regex",
                        "'/(?!admin).*' uses lookaround or a backreference, which RE2 (Envoy's regex engine) does not support"),
                rule(CLUSTERS + SERVICES + "traffic:\n  - {name: t, destination: {service: reviews}, routes: [{split: [{subset: v1}], "
                                + "retries: {attempts: 2, retryOn: '5xx,sometimes'}}]}\n", "traffic[0].routes[0].retries.retryOn",
                        "'sometimes' is not a retry condition: use HTTP status codes or " + String.join(", ", TrafficRules.RETRY_ON)
                                + ", separated by commas"),
                rule(CLUSTERS + SERVICES + "failover: [{name: f, service: {service: reviews}, priority: ['topology.istio.io/zone=a b'], outlierDetection: {}}]\n",
                        "failover[0].priority[0]", "'topology.istio.io/zone=a b' is not a label key or key=value"),
                // what meshfed derives itself, and namespaces that are not for workloads
                rule(CLUSTERS + "istio: {values: {meshConfig: 42}}\n", "istio.values.meshConfig",
                        "must be a mapping: meshfed merges its own settings into it"),
                rule(CLUSTERS + "istio: {values: {meshConfig: {trustDomain: other}}}\n", "istio.values.meshConfig.trustDomain",
                        "meshfed sets this from the spec; use clusters[].trustDomain instead"),
                rule(CLUSTERS + "services: [{name: a, namespace: istio-system, cluster: c1, ports: [{number: 80}]}]\n", "services[0].namespace",
                        "'istio-system' is Istio's root namespace, not one for workloads"),
                rule(CLUSTERS + "services: [{name: a, namespace: istio-gateways, cluster: c1, ports: [{number: 80}]}]\n", "services[0].namespace",
                        "'istio-gateways' is the east-west gateway's namespace in cluster c1, not one for workloads"),
                rule(CLUSTERS + SERVICES + "access: {policies: [{name: a, to: {clusters: [c1], namespaces: [istio-system]}}]}\n",
                        "access.policies[0].to.namespaces[0]",
                        "an AuthorizationPolicy in Istio's root namespace applies to the whole mesh; select the namespaces of your services"),
                // ranges and durations the PKI can use
                rule(CLUSTERS + "trust: {rootValidity: 9999999999h}\n", "trust.rootValidity",
                        "'9999999999h' is longer than the longest duration, 2562047h (about 292 years)"),
                rule(CLUSTERS + "trust: {intermediateValidity: 0s}\n", "trust.intermediateValidity", "must be at least 1s, was 0s"),
                rule(CLUSTERS + "trust: {notBefore: '1900-01-01T00:00:00Z'}\n", "trust.notBefore",
                        "must lie between 1950 and 9999 (what X.509 certificates can encode), was 1900-01-01T00:00:00Z"),
                rule(CLUSTERS + "trust: {rootEpoch: 2147483647}\n", "trust.rootValidity",
                        "with epoch 2147483647 the CA would be valid beyond 9999-12-31, the last date X.509 can encode "
                                + "(a CA of epoch e is valid for (e + 1) × 87600h from trust.notBefore)"),
                rule(CLUSTERS + "trust: {organization: '" + "o".repeat(65) + "'}\n", "trust.organization",
                        "1 to 64 printable characters (it becomes the O= of every CA), was '" + "o".repeat(65) + "'"),
                rule(CLUSTERS + "trust: {root: provided, providedRootCertFile: r.pem, providedRootKeyFile: k.pem, rootEpoch: 2, rootRotation: TRUST_BOTH}\n",
                        "trust.rootRotation", "rotations are between seed-derived roots; a provided root cannot rotate (use NONE)"),
                rule(CLUSTERS + SERVICES + "failover: [{name: f, service: {service: reviews}, outlierDetection: {consecutive5xxErrors: -1}}]\n",
                        "failover[0].outlierDetection.consecutive5xxErrors", "must be 0 or more, was -1"));
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
    void everyEmptyEntryIsReportedAtOnce() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> SpecLoader.load(CLUSTERS + """
                services: [~, {name: a, cluster: c1, ports: [~]}]
                access: {policies: [~], namespaceIsolation: [~]}
                traffic: [~]
                failover: [~]
                """, "mesh.yaml"));
        assertEquals(List.of("services[0]", "services[1].ports[0]", "access.policies[0]", "access.namespaceIsolation[0]", "traffic[0]", "failover[0]"),
                e.problems().stream().map(Problem::path).toList(), e.getMessage());
    }

    @Test
    void aSpecBuiltInCodeWithEmptyEntriesIsReportedNotThrown() {
        MeshSpec spec = new MeshSpec("t", Arrays.asList(new ClusterSpec("c1", null, null, null, null, null, null), null), null, null,
                Arrays.asList((ServiceSpec) null), null, null, null, null);
        assertEquals(List.of(new Problem("clusters[1]", EMPTY), new Problem("services[0]", EMPTY)), SpecValidator.validate(spec));
    }
}
