package io.meshfed.judge.ambient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ztunnel's L4 authorization rules (istio/ztunnel 1.30.3 src/state.rs assert_rbac, src/rbac.rs) on
 * small hand-written workload API policies, in the protojson form istiod's WDS carries.
 */
class L4AuthorizationTest {

    private static final String SLEEP = "spiffe://td/ns/sleep/sa/sleep";
    private static final String OTHER = "spiffe://td/ns/other/sa/app";

    /** One workload in namespace {@code app} listing {@code listed}, and the given policies. */
    private static ZtunnelView view(List<String> listed, String... policies) throws IOException {
        String names = String.join(",", listed.stream().map(n -> "\"" + n + "\"").toList());
        return ZtunnelView.parse("""
                {"addresses": [{"workload": {"uid": "c//Pod/app/app-0", "name": "app-0", "namespace": "app",
                  "addresses": ["CgAAAQ=="], "network": "n1", "tunnelProtocol": "HBONE", "trustDomain": "td",
                  "serviceAccount": "app", "authorizationPolicies": [%s]}}],
                 "authorizations": [%s]}
                """.formatted(names, String.join(",", policies)));
    }

    private static L4Authorization.Decision decide(ZtunnelView v, String identity, int port) {
        ZWorkload w = v.workloads().get(0);
        return L4Authorization.decide(v.policiesFor(w), new L4Authorization.Connection("10.0.0.9", "10.0.0.1", port, identity));
    }

    private static final String STATIC_STRICT = """
            {"name": "istio_converted_static_strict", "namespace": "istio-system", "scope": "WORKLOAD_SELECTOR", "action": "DENY",
             "groups": [{"rules": [{"matches": [{"notPrincipals": [{"presence": {}}]}]}]}]}""";

    @Test
    void theStaticStrictPolicyDeniesPlaintextAndAllowsAnyPeerIdentity() throws IOException {
        ZtunnelView v = view(List.of("istio-system/istio_converted_static_strict"), STATIC_STRICT);
        L4Authorization.Decision plaintext = decide(v, null, 80);
        assertFalse(plaintext.allowed());
        assertEquals("istio-system/istio_converted_static_strict", plaintext.policy());
        assertTrue(decide(v, SLEEP, 80).allowed());
    }

    @Test
    void aWorkloadSelectorPolicyOnlyCountsWhenTheWorkloadListsIt() throws IOException {
        assertTrue(decide(view(List.of(), STATIC_STRICT), null, 80).allowed(), "not listed: not in scope");
    }

    @Test
    void namespaceScopedPoliciesApplyToTheirNamespaceOnlyAndGlobalOnesEverywhere() throws IOException {
        String otherNamespace = """
                {"name": "deny-all", "namespace": "elsewhere", "scope": "NAMESPACE", "action": "DENY",
                 "groups": [{"rules": [{"matches": [{"namespaces": [{"presence": {}}]}]}]}]}""";
        assertTrue(decide(view(List.of(), otherNamespace), SLEEP, 80).allowed());
        String global = otherNamespace.replace("\"NAMESPACE\"", "\"GLOBAL\"").replace("elsewhere", "istio-system");
        L4Authorization.Decision d = decide(view(List.of(), global), SLEEP, 80);
        assertFalse(d.allowed());
        assertEquals("istio-system/deny-all", d.policy());
    }

    @Test
    void denyIsCheckedBeforeAllow() throws IOException {
        String allow = """
                {"name": "allow-sleep", "namespace": "app", "scope": "NAMESPACE", "action": "ALLOW",
                 "groups": [{"rules": [{"matches": [{"namespaces": [{"exact": "sleep"}]}]}]}]}""";
        String deny = allow.replace("allow-sleep", "deny-sleep").replace("\"ALLOW\"", "\"DENY\"");
        L4Authorization.Decision d = decide(view(List.of(), allow, deny), SLEEP, 80);
        assertFalse(d.allowed());
        assertEquals("app/deny-sleep", d.policy());
    }

    @Test
    void withAllowPoliciesInScopeOneMustMatch() throws IOException {
        String allow = """
                {"name": "allow-sleep", "namespace": "app", "scope": "NAMESPACE", "action": "ALLOW",
                 "groups": [{"rules": [{"matches": [{"namespaces": [{"exact": "sleep"}]}]}]}]}""";
        ZtunnelView v = view(List.of(), allow);
        assertEquals("app/allow-sleep", decide(v, SLEEP, 80).policy());
        L4Authorization.Decision other = decide(v, OTHER, 80);
        assertFalse(other.allowed());
        assertTrue(other.reason().startsWith("no ALLOW policy matched"), other.reason());
        assertFalse(decide(v, null, 80).allowed(), "no identity, no namespace");
    }

    @Test
    void rulesOfAGroupAreAndedTheMatchesOfARuleOred() throws IOException {
        String allow = """
                {"name": "a", "namespace": "app", "scope": "NAMESPACE", "action": "ALLOW",
                 "groups": [{"rules": [{"matches": [{"destinationPorts": [80]}, {"destinationPorts": [81]}]},
                                       {"matches": [{"principals": [{"exact": "td/ns/sleep/sa/sleep"}]}]}]}]}""";
        ZtunnelView v = view(List.of(), allow);
        assertTrue(decide(v, SLEEP, 81).allowed());
        assertFalse(decide(v, SLEEP, 82).allowed(), "port rule fails");
        assertFalse(decide(v, OTHER, 80).allowed(), "principal rule fails");
    }

    @Test
    void principalsMatchTheIdentityWithoutItsScheme() throws IOException {
        String suffix = """
                {"name": "a", "namespace": "app", "scope": "NAMESPACE", "action": "ALLOW",
                 "groups": [{"rules": [{"matches": [{"principals": [{"suffix": "/sa/sleep"}]}]}]}]}""";
        assertTrue(decide(view(List.of(), suffix), SLEEP, 80).allowed());
        String withScheme = suffix.replace("{\"suffix\": \"/sa/sleep\"}", "{\"exact\": \"spiffe://td/ns/sleep/sa/sleep\"}");
        assertFalse(decide(view(List.of(), withScheme), SLEEP, 80).allowed(), "istiod writes principals without spiffe://");
    }

    @Test
    void serviceAccountsAndNegativeMatches() throws IOException {
        String allow = """
                {"name": "a", "namespace": "app", "scope": "NAMESPACE", "action": "ALLOW",
                 "groups": [{"rules": [{"matches": [{"serviceAccounts": [{"namespace": "sleep", "serviceAccount": "sleep"}],
                                                      "notDestinationPorts": [9090]}]}]}]}""";
        ZtunnelView v = view(List.of(), allow);
        assertTrue(decide(v, SLEEP, 80).allowed());
        assertFalse(decide(v, SLEEP, 9090).allowed());
        assertFalse(decide(v, "spiffe://td/ns/sleep/sa/other", 80).allowed());
    }

    @Test
    void anAllowPolicyWithoutRulesOrWithOnlyEmptyMatchesMatchesNothing() throws IOException {
        String noGroups = """
                {"name": "nothing", "namespace": "app", "scope": "NAMESPACE", "action": "ALLOW"}""";
        assertFalse(decide(view(List.of(), noGroups), SLEEP, 80).allowed());
        String emptyMatch = """
                {"name": "empty", "namespace": "app", "scope": "NAMESPACE", "action": "ALLOW",
                 "groups": [{"rules": [{"matches": [{}]}]}]}""";
        assertFalse(decide(view(List.of(), emptyMatch), SLEEP, 80).allowed());
        String emptyRules = """
                {"name": "all", "namespace": "app", "scope": "NAMESPACE", "action": "ALLOW", "groups": [{}]}""";
        assertTrue(decide(view(List.of(), emptyRules), SLEEP, 80).allowed(), "a group without rules matches");
    }

    @Test
    void dryRunPoliciesNeverDecide() throws IOException {
        String dryDeny = """
                {"name": "dry", "namespace": "app", "scope": "NAMESPACE", "action": "DENY", "dryRun": true,
                 "groups": [{"rules": [{"matches": [{"namespaces": [{"presence": {}}]}]}]}]}""";
        assertTrue(decide(view(List.of(), dryDeny), SLEEP, 80).allowed());
    }

    @Test
    void sourceAddressesMatchByPrefix() throws IOException {
        String deny = """
                {"name": "block", "namespace": "app", "scope": "NAMESPACE", "action": "DENY",
                 "groups": [{"rules": [{"matches": [{"sourceIps": [{"address": "CgAAAA==", "length": 24}]}]}]}]}""";
        assertFalse(decide(view(List.of(), deny), SLEEP, 80).allowed(), "10.0.0.9 is in 10.0.0.0/24");
    }
}
