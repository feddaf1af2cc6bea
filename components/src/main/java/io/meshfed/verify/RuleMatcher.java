package io.meshfed.verify;

import io.fabric8.istio.api.api.security.v1beta1.Condition;
import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.RuleTo;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import java.util.List;
import java.util.Locale;

/**
 * One AuthorizationPolicy rule against a request: the {@code from} entries are ORed, the
 * {@code to} entries are ORed, {@code when} conditions are ANDed, and inside one source or
 * operation every set field must match. Fields the simulator cannot know (request principals
 * from JWTs, IP blocks) never match when set, and their {@code not} forms always do.
 */
final class RuleMatcher {

    private RuleMatcher() {
    }

    static boolean matches(Rule rule, AccessRequest request) {
        return anyFrom(rule.getFrom(), request) && anyTo(rule.getTo(), request) && allWhen(rule.getWhen(), request);
    }

    private static boolean anyFrom(List<RuleFrom> from, AccessRequest request) {
        return from == null || from.isEmpty() || from.stream().anyMatch(f -> f.getSource() == null || source(f.getSource(), request));
    }

    private static boolean anyTo(List<RuleTo> to, AccessRequest request) {
        return to == null || to.isEmpty() || to.stream().anyMatch(t -> t.getOperation() == null || operation(t.getOperation(), request));
    }

    private static boolean allWhen(List<Condition> when, AccessRequest request) {
        return when == null || when.stream().allMatch(c -> condition(c, request));
    }

    private static boolean source(Source s, AccessRequest r) {
        return IstioStrings.any(s.getPrincipals(), r.principal()) && IstioStrings.none(s.getNotPrincipals(), r.principal())
                && IstioStrings.any(s.getNamespaces(), r.sourceNamespace()) && IstioStrings.none(s.getNotNamespaces(), r.sourceNamespace())
                && unknowable(s.getRequestPrincipals()) && unknowable(s.getIpBlocks()) && unknowable(s.getRemoteIpBlocks())
                && IstioStrings.any(s.getServiceAccounts(), serviceAccount(r)) && IstioStrings.none(s.getNotServiceAccounts(), serviceAccount(r));
    }

    /** {@code serviceAccounts} entries are {@code ns/sa}. */
    private static String serviceAccount(AccessRequest r) {
        if (r.principal() == null) {
            return null;
        }
        String[] parts = r.principal().split("/");
        return parts.length == 5 ? parts[2] + "/" + parts[4] : null;
    }

    private static boolean unknowable(List<String> values) {
        return values == null || values.isEmpty();
    }

    private static boolean operation(Operation o, AccessRequest r) {
        String host = r.host() == null ? null : r.host().toLowerCase(Locale.ROOT);
        String port = String.valueOf(r.port());
        return IstioStrings.any(lower(o.getHosts()), host) && IstioStrings.none(lower(o.getNotHosts()), host)
                && IstioStrings.any(o.getPorts(), port) && IstioStrings.none(o.getNotPorts(), port)
                && IstioStrings.any(o.getMethods(), r.method()) && IstioStrings.none(o.getNotMethods(), r.method())
                && IstioStrings.any(o.getPaths(), r.path()) && IstioStrings.none(o.getNotPaths(), r.path());
    }

    private static List<String> lower(List<String> values) {
        return values == null ? null : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static boolean condition(Condition c, AccessRequest r) {
        String value = attribute(c.getKey(), r);
        boolean positive = c.getValues() == null || c.getValues().isEmpty() || IstioStrings.any(c.getValues(), value);
        return positive && IstioStrings.none(c.getNotValues(), value);
    }

    /** The request attributes a {@code when} condition can name here; any other key has no value. */
    private static String attribute(String key, AccessRequest r) {
        if (key.startsWith("request.headers[") && key.endsWith("]")) {
            return r.headers().get(key.substring("request.headers[".length(), key.length() - 1).toLowerCase(Locale.ROOT));
        }
        return switch (key) {
            case "source.principal" -> r.principal();
            case "source.namespace" -> r.sourceNamespace();
            case "destination.port" -> String.valueOf(r.port());
            default -> null;
        };
    }
}
