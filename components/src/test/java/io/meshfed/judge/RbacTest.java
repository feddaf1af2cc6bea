package io.meshfed.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ListValue;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.config.rbac.v3.RBAC;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.type.matcher.v3.FilterStateMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ListMatcher;
import io.envoyproxy.envoy.type.matcher.v3.MetadataMatcher;
import io.envoyproxy.envoy.type.matcher.v3.PathMatcher;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ValueMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacTest {

    private static final String SLEEP = "spiffe://west/ns/sleep/sa/sleep";
    private static final String PRODUCTPAGE = "spiffe://west/ns/shop/sa/productpage";

    private static HttpFilter rbac(RBAC.Action action, Policy... named) {
        RBAC.Builder rules = RBAC.newBuilder().setAction(action);
        for (int i = 0; i < named.length; i++) {
            rules.putPolicies(named.length == 1 ? name(action) : name(action) + i, named[i]);
        }
        return Envoy.filter("envoy.filters.http.rbac",
                io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC.newBuilder().setRules(rules).build());
    }

    private static String name(RBAC.Action action) {
        return "ns[shop]-policy[" + action.name().toLowerCase() + "-reviews]-rule[0]";
    }

    private static Policy policy(Permission permission, Principal principal) {
        return Policy.newBuilder().addPermissions(permission).addPrincipals(principal).build();
    }

    private static Permission anyPermission() {
        return Permission.newBuilder().setAny(true).build();
    }

    private static Principal authenticated(StringMatcher m) {
        return Principal.newBuilder().setAuthenticated(Principal.Authenticated.newBuilder().setPrincipalName(m)).build();
    }

    private static Permission method(String m) {
        return Permission.newBuilder().setHeader(HeaderMatcher.newBuilder().setName(":method").setExactMatch(m)).build();
    }

    private static Permission path(StringMatcher m) {
        return Permission.newBuilder().setUrlPath(PathMatcher.newBuilder().setPath(m)).build();
    }

    private static RbacRequest request(String method, String path, String peer) {
        return RbacRequest.of(HttpRequest.of(method, "reviews", path), peer, 9080);
    }

    private static final HttpFilter ROUTER = Envoy.filter("envoy.filters.http.router", Router.getDefaultInstance());

    @Test
    void denyFilterRunsBeforeAllowAndNamesItsPolicy() {
        List<HttpFilter> filters = List.of(
                rbac(RBAC.Action.DENY, policy(path(Envoy.prefix("/admin")), Principal.newBuilder().setAny(true).build())),
                rbac(RBAC.Action.ALLOW, policy(anyPermission(), authenticated(Envoy.exact(PRODUCTPAGE)))),
                ROUTER);

        RbacDecision denied = Rbac.evaluate(filters, request("GET", "/admin/x", PRODUCTPAGE));
        RbacDecision allowed = Rbac.evaluate(filters, request("GET", "/reviews/1", PRODUCTPAGE));
        RbacDecision noAllow = Rbac.evaluate(filters, request("GET", "/reviews/1", SLEEP));

        assertEquals(new RbacDecision(false, "ns[shop]-policy[deny-reviews]-rule[0]"), denied);
        assertEquals("shop/deny-reviews", denied.istioPolicy());
        assertEquals(403, denied.status());
        assertEquals(new RbacDecision(true, "ns[shop]-policy[allow-reviews]-rule[0]"), allowed);
        assertEquals(new RbacDecision(false, "no ALLOW policy matched"), noAllow);
        assertEquals(null, noAllow.istioPolicy());
    }

    @Test
    void plaintextPeerIsNotAuthenticated() {
        List<HttpFilter> filters = List.of(rbac(RBAC.Action.ALLOW, policy(anyPermission(),
                Principal.newBuilder().setAuthenticated(Principal.Authenticated.getDefaultInstance()).build())));

        assertEquals(true, Rbac.evaluate(filters, request("GET", "/", SLEEP)).allowed());
        assertEquals(false, Rbac.evaluate(filters, request("GET", "/", null)).allowed());
    }

    /** Istio's source.namespaces: a regex on the principal (pilot/pkg/security/authz/model/generator.go). */
    @Test
    void namespaceRegexOnAuthenticatedPrincipal() {
        Principal shop = authenticated(StringMatcher.newBuilder()
                .setSafeRegex(RegexMatcher.newBuilder().setRegex(".*/ns/shop/.*")).build());
        List<HttpFilter> filters = List.of(rbac(RBAC.Action.ALLOW, policy(anyPermission(), shop)));

        assertEquals(true, Rbac.evaluate(filters, request("GET", "/", PRODUCTPAGE)).allowed());
        assertEquals(false, Rbac.evaluate(filters, request("GET", "/", SLEEP)).allowed());
    }

    @Test
    void principalFromIstioAuthnMetadataAndFromFilterState() {
        Principal byMetadata = Principal.newBuilder().setMetadata(MetadataMatcher.newBuilder().setFilter("istio_authn")
                .addPath(MetadataMatcher.PathSegment.newBuilder().setKey("source.principal"))
                .setValue(ValueMatcher.newBuilder().setStringMatch(Envoy.exact("west/ns/shop/sa/productpage")))).build();
        Principal byNamespaceList = Principal.newBuilder().setMetadata(MetadataMatcher.newBuilder().setFilter("istio_authn")
                .addPath(MetadataMatcher.PathSegment.newBuilder().setKey("source.namespaces"))
                .setValue(ValueMatcher.newBuilder().setListMatch(ListMatcher.newBuilder()
                        .setOneOf(ValueMatcher.newBuilder().setStringMatch(Envoy.exact("shop")))))).build();
        Principal byState = Principal.newBuilder().setFilterState(FilterStateMatcher.newBuilder()
                .setKey("io.istio.peer_principal").setStringMatch(Envoy.exact(PRODUCTPAGE))).build();
        RbacRequest withMetadata = request("GET", "/", null)
                .withMetadata("istio_authn", "source.principal", "west/ns/shop/sa/productpage")
                .withMetadata("istio_authn", "source.namespaces", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addValues(Value.newBuilder().setStringValue("other")).addValues(Value.newBuilder().setStringValue("shop")))
                        .build());

        assertEquals(true, allows(byMetadata, withMetadata));
        assertEquals(false, allows(byMetadata, request("GET", "/", PRODUCTPAGE)));
        assertEquals(true, allows(byNamespaceList, withMetadata));
        assertEquals(false, allows(byNamespaceList, request("GET", "/", null)
                .withMetadata("istio_authn", "source.namespaces", "shop")));
        assertEquals(true, allows(byState, request("GET", "/", PRODUCTPAGE)));
        assertEquals(false, allows(byState, request("GET", "/", SLEEP)));
    }

    private static boolean allows(Principal p, RbacRequest r) {
        return Rbac.evaluate(List.of(rbac(RBAC.Action.ALLOW, policy(anyPermission(), p))), r).allowed();
    }

    @Test
    void methodPathAndPortPermissions() {
        Permission getReviews = Permission.newBuilder().setAndRules(Permission.Set.newBuilder()
                .addRules(Permission.newBuilder().setOrRules(Permission.Set.newBuilder().addRules(method("GET")).addRules(method("HEAD"))))
                .addRules(path(Envoy.prefix("/reviews/")))
                .addRules(Permission.newBuilder().setDestinationPort(9080))).build();
        List<HttpFilter> filters = List.of(rbac(RBAC.Action.ALLOW, policy(getReviews, Principal.newBuilder().setAny(true).build())));

        assertEquals(true, Rbac.evaluate(filters, request("GET", "/reviews/1?full=1", SLEEP)).allowed());
        assertEquals(true, Rbac.evaluate(filters, request("HEAD", "/reviews/1", SLEEP)).allowed());
        assertEquals(false, Rbac.evaluate(filters, request("POST", "/reviews/1", SLEEP)).allowed());
        assertEquals(false, Rbac.evaluate(filters, request("GET", "/ratings/1", SLEEP)).allowed());
        assertEquals(false, Rbac.evaluate(filters, RbacRequest.of(HttpRequest.of("GET", "reviews", "/reviews/1"), SLEEP, 9090))
                .allowed());
    }

    @Test
    void notRuleAndNotId() {
        Permission notAdmin = Permission.newBuilder().setNotRule(path(Envoy.prefix("/admin"))).build();
        Principal notSleep = Principal.newBuilder().setNotId(authenticated(Envoy.exact(SLEEP))).build();
        List<HttpFilter> filters = List.of(rbac(RBAC.Action.ALLOW, policy(notAdmin, notSleep)));

        assertEquals(true, Rbac.evaluate(filters, request("GET", "/x", PRODUCTPAGE)).allowed());
        assertEquals(false, Rbac.evaluate(filters, request("GET", "/admin", PRODUCTPAGE)).allowed());
        assertEquals(false, Rbac.evaluate(filters, request("GET", "/x", SLEEP)).allowed());
        // a plaintext peer is not the authenticated sleep principal, so not_id matches it
        assertEquals(true, Rbac.evaluate(filters, request("GET", "/x", null)).allowed());
    }

    @Test
    void filterWithoutRulesAllowsAndShadowRulesNeverDecide() {
        RBAC denyAll = RBAC.newBuilder().setAction(RBAC.Action.DENY)
                .putPolicies("dry-run", policy(anyPermission(), Principal.newBuilder().setAny(true).build())).build();
        HttpFilter shadowOnly = Envoy.filter("envoy.filters.http.rbac",
                io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC.newBuilder().setShadowRules(denyAll).build());
        HttpFilter allowNothing = Envoy.filter("envoy.filters.http.rbac", io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC
                .newBuilder().setRules(RBAC.newBuilder().setAction(RBAC.Action.ALLOW)).build());

        assertEquals(new RbacDecision(true, null), Rbac.evaluate(List.of(shadowOnly, ROUTER), request("GET", "/", SLEEP)));
        assertEquals(new RbacDecision(false, "no ALLOW policy matched"),
                Rbac.evaluate(List.of(shadowOnly, allowNothing), request("GET", "/", SLEEP)));
    }

    @Test
    void policiesAreTriedInNameOrder() {
        Principal any = Principal.newBuilder().setAny(true).build();
        RBAC rules = RBAC.newBuilder().setAction(RBAC.Action.DENY)
                .putPolicies("ns[shop]-policy[b]-rule[0]", policy(anyPermission(), any))
                .putPolicies("ns[shop]-policy[a]-rule[1]", policy(anyPermission(), any)).build();
        HttpFilter f = Envoy.filter("envoy.filters.http.rbac",
                io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC.newBuilder().setRules(rules).build());

        RbacDecision d = Rbac.evaluate(List.of(f), request("GET", "/", SLEEP));

        assertEquals("ns[shop]-policy[a]-rule[1]", d.reason());
        assertEquals("shop/a", d.istioPolicy());
        assertEquals(1, IstioPolicyNames.rule(d.reason()));
    }

    @Test
    void celConditionsAreRejected() {
        Policy withCondition = policy(anyPermission(), Principal.newBuilder().setAny(true).build()).toBuilder()
                .setCondition(com.google.api.expr.v1alpha1.Expr.getDefaultInstance()).build();

        assertThrows(UnsupportedOperationException.class,
                () -> Rbac.evaluate(List.of(rbac(RBAC.Action.ALLOW, withCondition)), request("GET", "/", SLEEP)));
    }

    @Test
    void istioPolicyNames() {
        assertEquals("shop/allow-reviews", IstioPolicyNames.policy("ns[shop]-policy[allow-reviews]-rule[3]"));
        assertEquals("shop/ext", IstioPolicyNames.policy("istio-ext-authz-opa-ns[shop]-policy[ext]-rule[0]"));
        assertEquals(null, IstioPolicyNames.policy("my-own-policy"));
    }
}
