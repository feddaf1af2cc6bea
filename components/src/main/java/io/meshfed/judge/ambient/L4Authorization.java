package io.meshfed.judge.ambient;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.meshfed.judge.Cidrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * ztunnel's L4 authorization of an inbound connection, as Istio's ztunnel 1.30.3 decides it
 * (istio/ztunnel src/state.rs {@code assert_rbac}, src/rbac.rs {@code Authorization::matches}):
 * <ul>
 * <li>in scope: the NAMESPACE-scoped policies of the destination workload's namespace, every
 * GLOBAL one, and the ones the workload lists (selector policies and converted PeerAuthentications);
 * dry-run policies never decide;</li>
 * <li>any matching DENY policy denies; with no ALLOW policy the connection is allowed; else one
 * ALLOW policy must match (the order of istio.io/api security/v1beta1/authorization.proto);</li>
 * <li>a policy matches when any group matches, a group when all its rules do, a rule when any of its
 * non-empty matches does (an empty rule matches); within a match every set type must hold, a type
 * holding when any positive value and no negative value matches;</li>
 * <li>principals compare against the source identity without {@code spiffe://} (no identity: an
 * empty string, which {@code presence} does not match), namespaces and service accounts against the
 * identity's parts.</li>
 * </ul>
 */
public final class L4Authorization {

    private L4Authorization() {
    }

    /** What ztunnel knows of a connection; {@code sourceIdentity} is null for plaintext. */
    public record Connection(String sourceIp, String destinationIp, int destinationPort, String sourceIdentity) {
    }

    /** Allowed or not, and the deciding policy ({@code namespace/name}; null when no policy decided). */
    public record Decision(boolean allowed, String policy, String reason) {
    }

    public static List<ZAuthorization> inScope(ZWorkload workload, Map<String, ZAuthorization> policies) {
        List<ZAuthorization> out = new ArrayList<>();
        policies.values().stream().filter(p -> p.scope() == ZAuthorization.Scope.NAMESPACE && p.namespace().equals(workload.namespace()))
                .forEach(out::add);
        policies.values().stream().filter(p -> p.scope() == ZAuthorization.Scope.GLOBAL).forEach(out::add);
        workload.authorizationPolicies().stream().map(policies::get).filter(java.util.Objects::nonNull).forEach(out::add);
        return out.stream().filter(p -> !p.dryRun()).distinct().toList();
    }

    public static Decision decide(List<ZAuthorization> inScope, Connection c) {
        for (ZAuthorization p : inScope) {
            if (p.action() == ZAuthorization.Action.DENY && matches(p, c)) {
                return new Decision(false, p.key(), "DENY policy " + p.key() + " matched");
            }
        }
        List<ZAuthorization> allows = inScope.stream().filter(p -> p.action() == ZAuthorization.Action.ALLOW).toList();
        if (allows.isEmpty()) {
            return new Decision(true, null, "no ALLOW policy in scope");
        }
        for (ZAuthorization p : allows) {
            if (matches(p, c)) {
                return new Decision(true, p.key(), "ALLOW policy " + p.key() + " matched");
            }
        }
        return new Decision(false, null, "no ALLOW policy matched (in scope: "
                + String.join(", ", allows.stream().map(ZAuthorization::key).toList()) + ")");
    }

    public static boolean matches(ZAuthorization p, Connection c) {
        return p.groups().stream().anyMatch(group -> group.stream().allMatch(rule -> rule.isEmpty()
                || rule.stream().filter(m -> !m.empty()).anyMatch(m -> matches(m, c))));
    }

    static boolean matches(ZMatch m, Connection c) {
        String principal = c.sourceIdentity() == null ? "" : c.sourceIdentity();
        String[] parts = identityParts(c.sourceIdentity());
        return holds(m.destinationIps(), m.notDestinationIps(), r -> contains(r, c.destinationIp()))
                && holds(m.sourceIps(), m.notSourceIps(), r -> contains(r, c.sourceIp()))
                && holds(m.destinationPorts(), m.notDestinationPorts(), p -> p == c.destinationPort())
                && holds(m.serviceAccounts(), m.notServiceAccounts(),
                        s -> parts != null && s.namespace().equals(parts[0]) && s.serviceAccount().equals(parts[1]))
                && holds(m.principals(), m.notPrincipals(),
                        s -> principal.startsWith("spiffe://") && s.matches(principal.substring("spiffe://".length())))
                && holds(m.namespaces(), m.notNamespaces(), s -> s.matches(parts == null ? "" : parts[0]));
    }

    private static <T> boolean holds(List<T> positive, List<T> negative, Predicate<T> test) {
        return (positive.isEmpty() || positive.stream().anyMatch(test)) && (negative.isEmpty() || negative.stream().noneMatch(test));
    }

    /** Namespace and service account of {@code spiffe://<td>/ns/<ns>/sa/<sa>}, null without an identity. */
    static String[] identityParts(String identity) {
        if (identity == null) {
            return null;
        }
        String[] p = identity.substring("spiffe://".length()).split("/");
        if (p.length != 5 || !p[1].equals("ns") || !p[3].equals("sa")) {
            throw new IllegalArgumentException("not a SPIFFE workload identity: " + identity);
        }
        return new String[] {p[2], p[4]};
    }

    /** An unknown address (a question about any peer) is in no range. */
    private static boolean contains(ZMatch.Cidr range, String ip) {
        if (ip == null) {
            return false;
        }
        return Cidrs.contains(CidrRange.newBuilder().setAddressPrefix(range.ip()).setPrefixLen(UInt32Value.of(range.length())).build(), ip);
    }
}
