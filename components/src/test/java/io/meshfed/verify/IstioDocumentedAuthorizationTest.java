package io.meshfed.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Istio's own AuthorizationPolicy examples, with the outcomes their documentation states:
 * https://istio.io/latest/docs/reference/config/security/authorization-policy/ (allow-read with
 * principals/namespaces and GET /info*, deny POST from dev, allow-nothing, deny-all, allow-all,
 * selector on app/version, root-namespace policies) and
 * https://istio.io/latest/docs/concepts/security/#authorization-policies (prefix/suffix wildcards,
 * notValues exclusions, DENY before ALLOW). JWT-based fields ({@code requestPrincipals},
 * {@code request.auth.claims}) are left out of the examples because the simulator has no JWTs.
 */
class IstioDocumentedAuthorizationTest {

    private static final Map<String, String> POLICIES = Map.of(
            "allow-read", """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: httpbin, namespace: foo}
                    spec:
                      action: ALLOW
                      rules:
                      - from:
                        - source: {principals: ["cluster.local/ns/default/sa/sleep"]}
                        - source: {namespaces: ["test"]}
                        to:
                        - operation: {methods: ["GET"], paths: ["/info*"]}
                        - operation: {methods: ["POST"], paths: ["/data"]}
                    """,
            "deny-post-from-dev", """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: httpbin, namespace: foo}
                    spec:
                      action: DENY
                      rules:
                      - from: [{source: {namespaces: ["dev"]}}]
                        to: [{operation: {methods: ["POST"]}}]
                    """,
            "allow-nothing", """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: allow-nothing, namespace: foo}
                    spec: {}
                    """,
            "deny-all", """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: deny-all, namespace: foo}
                    spec:
                      action: DENY
                      rules: [{}]
                    """,
            "allow-all", """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: allow-all, namespace: foo}
                    spec:
                      action: ALLOW
                      rules: [{}]
                    """,
            "selector-v1", """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: httpbin-v1, namespace: foo}
                    spec:
                      selector: {matchLabels: {app: httpbin, version: v1}}
                      rules: [{from: [{source: {namespaces: ["bar"]}}]}]
                    """,
            "root-deny-admin", """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: deny-admin, namespace: istio-system}
                    spec:
                      action: DENY
                      rules: [{to: [{operation: {paths: ["/admin*"]}}]}]
                    """,
            "wildcards", """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: wildcards, namespace: foo}
                    spec:
                      rules:
                      - from: [{source: {principals: ["*/ns/test/sa/web"], notNamespaces: ["test-legacy"]}}]
                        to: [{operation: {notPaths: ["*/private"], ports: ["8000"]}}]
                    """,
            "deny-non-get", """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: deny-non-get, namespace: foo}
                    spec:
                      action: DENY
                      rules:
                      - to: [{operation: {notMethods: ["GET"]}}]
                        when: [{key: "request.headers[x-token]", notValues: ["admin"]}]
                    """);

    @ParameterizedTest(name = "{0}: {1} {2} {3}:{4} from {5} -> {6}")
    @CsvSource(delimiter = '|', value = {
            // policies             | method | path        | labels                  | port | principal                            | expected
            "allow-read             | GET    | /info/1     | app=httpbin,version=v1  | 8000 | cluster.local/ns/default/sa/sleep    | allow",
            "allow-read             | GET    | /info/1     | app=httpbin,version=v1  | 8000 | cluster.local/ns/test/sa/any         | allow",
            "allow-read             | POST   | /data       | app=httpbin,version=v1  | 8000 | cluster.local/ns/default/sa/sleep    | allow",
            "allow-read             | POST   | /info       | app=httpbin,version=v1  | 8000 | cluster.local/ns/default/sa/sleep    | deny",
            "allow-read             | GET    | /info       | app=httpbin,version=v1  | 8000 | cluster.local/ns/other/sa/sleep      | deny",
            "allow-read             | GET    | /info       | app=httpbin,version=v1  | 8000 | -                                    | deny",
            "deny-post-from-dev     | POST   | /           | app=httpbin,version=v1  | 8000 | cluster.local/ns/dev/sa/x            | deny",
            "deny-post-from-dev     | GET    | /           | app=httpbin,version=v1  | 8000 | cluster.local/ns/dev/sa/x            | allow",
            "allow-nothing          | GET    | /           | app=httpbin,version=v1  | 8000 | cluster.local/ns/foo/sa/x            | deny",
            "allow-nothing+allow-all| GET    | /           | app=httpbin,version=v1  | 8000 | cluster.local/ns/foo/sa/x            | allow",
            "deny-all+allow-all     | GET    | /           | app=httpbin,version=v1  | 8000 | cluster.local/ns/foo/sa/x            | deny",
            "selector-v1            | GET    | /           | app=httpbin,version=v1  | 8000 | cluster.local/ns/bar/sa/x            | allow",
            "selector-v1            | GET    | /           | app=httpbin,version=v1  | 8000 | cluster.local/ns/baz/sa/x            | deny",
            "selector-v1            | GET    | /           | app=httpbin,version=v2  | 8000 | cluster.local/ns/baz/sa/x            | allow",
            "root-deny-admin+allow-all | GET | /admin/x    | app=httpbin,version=v1  | 8000 | cluster.local/ns/foo/sa/x            | deny",
            "root-deny-admin+allow-all | GET | /public     | app=httpbin,version=v1  | 8000 | cluster.local/ns/foo/sa/x            | allow",
            "wildcards              | GET    | /a          | app=httpbin,version=v1  | 8000 | td1/ns/test/sa/web                   | allow",
            "wildcards              | GET    | /a/private  | app=httpbin,version=v1  | 8000 | td1/ns/test/sa/web                   | deny",
            "wildcards              | GET    | /a          | app=httpbin,version=v1  | 9000 | td1/ns/test/sa/web                   | deny",
            "wildcards              | GET    | /a          | app=httpbin,version=v1  | 8000 | td1/ns/test-legacy/sa/web            | deny",
            "deny-non-get           | POST   | /           | app=httpbin,version=v1  | 8000 | cluster.local/ns/foo/sa/x            | deny",
            "deny-non-get           | GET    | /           | app=httpbin,version=v1  | 8000 | cluster.local/ns/foo/sa/x            | allow",
    })
    void documentedExample(String policies, String method, String path, String labels, int port, String principal, String expected) {
        List<AuthorizationPolicy> loaded = Arrays.stream(policies.split("\\+"))
                .map(name -> Serialization.unmarshal(POLICIES.get(name), AuthorizationPolicy.class)).toList();
        Map<String, String> podLabels = new java.util.TreeMap<>();
        for (String kv : labels.split(",")) {
            podLabels.put(kv.split("=")[0], kv.split("=")[1]);
        }
        Workload httpbin = new Workload("c1", "foo", "httpbin", "httpbin", podLabels.get("version"), podLabels, "cluster.local", "");
        String ns = principal.equals("-") ? null : principal.split("/")[2];
        AccessRequest request = new AccessRequest(principal.equals("-") ? null : principal, ns, "httpbin.foo.svc.cluster.local",
                method, path, port, Map.of());
        AccessDecision decision = new AuthorizationEvaluator(loaded, List.of()).evaluate(httpbin, request);
        assertEquals(expected.equals("allow"), decision.allowed(), decision.reason());
    }

    @ParameterizedTest
    @CsvSource({"default", "baz"})
    void denialNamesThePoliciesInScope(String otherNs) {
        var global = Serialization.unmarshal(POLICIES.get("allow-nothing").replace("namespace: foo", "namespace: istio-system")
                .replace("allow-nothing", "global-deny"), AuthorizationPolicy.class);
        var selector = Serialization.unmarshal(POLICIES.get("selector-v1"), AuthorizationPolicy.class);
        Workload httpbin = new Workload("c1", "foo", "httpbin", "httpbin", "v1", Map.of("app", "httpbin", "version", "v1"), "cluster.local", "");
        AccessDecision d = new AuthorizationEvaluator(List.of(global, selector), List.of())
                .evaluate(httpbin, new AccessRequest("cluster.local/ns/" + otherNs + "/sa/other", otherNs, null, "GET", "/", 80, Map.of()));
        assertTrue(d.reason().equals("denied: no ALLOW policy matched (policies in scope: istio-system/global-deny, foo/httpbin-v1)"), d.reason());
    }
}
