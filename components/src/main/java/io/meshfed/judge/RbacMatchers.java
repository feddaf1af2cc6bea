package io.meshfed.judge;

import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.type.matcher.v3.FilterStateMatcher;
import io.envoyproxy.envoy.type.matcher.v3.PathMatcher;

/**
 * Envoy's RBAC permission and principal trees (docs: {@code config.rbac.v3}). {@code authenticated}
 * needs a TLS peer; its {@code principal_name} is matched against the peer's URI SAN (the only SAN
 * modelled), and an unset one matches any TLS peer. {@code url_path} sees {@code :path} without query.
 */
public final class RbacMatchers {

    private RbacMatchers() {
    }

    public static boolean permission(Permission p, RbacRequest r) {
        return switch (p.getRuleCase()) {
            case AND_RULES -> p.getAndRules().getRulesList().stream().allMatch(x -> permission(x, r));
            case OR_RULES -> p.getOrRules().getRulesList().stream().anyMatch(x -> permission(x, r));
            case ANY -> p.getAny();
            case HEADER -> HeaderMatchers.matches(p.getHeader(), r.http());
            case URL_PATH -> path(p.getUrlPath(), r);
            case DESTINATION_IP -> cidr(p.getDestinationIp(), r.destinationIp(), "destination IP");
            case DESTINATION_PORT -> p.getDestinationPort() == r.destinationPort();
            case DESTINATION_PORT_RANGE -> r.destinationPort() >= p.getDestinationPortRange().getStart()
                    && r.destinationPort() < p.getDestinationPortRange().getEnd();
            case METADATA -> MetadataMatchers.matches(p.getMetadata(), r.metadata());
            case NOT_RULE -> !permission(p.getNotRule(), r);
            case REQUESTED_SERVER_NAME -> StringMatchers.matches(p.getRequestedServerName(), r.sni() == null ? "" : r.sni());
            case MATCHER, URI_TEMPLATE, SOURCED_METADATA -> throw new UnsupportedOperationException(
                    "RBAC permission " + p.getRuleCase() + " is not modelled");
            case RULE_NOT_SET -> throw new IllegalArgumentException("RBAC permission without a rule");
        };
    }

    public static boolean principal(Principal p, RbacRequest r) {
        return switch (p.getIdentifierCase()) {
            case AND_IDS -> p.getAndIds().getIdsList().stream().allMatch(x -> principal(x, r));
            case OR_IDS -> p.getOrIds().getIdsList().stream().anyMatch(x -> principal(x, r));
            case ANY -> p.getAny();
            case AUTHENTICATED -> r.peerPrincipal() != null && (!p.getAuthenticated().hasPrincipalName()
                    || StringMatchers.matches(p.getAuthenticated().getPrincipalName(), r.peerPrincipal()));
            case SOURCE_IP -> cidr(p.getSourceIp(), r.directRemoteIp(), "source IP");
            case DIRECT_REMOTE_IP -> cidr(p.getDirectRemoteIp(), r.directRemoteIp(), "direct remote IP");
            case REMOTE_IP -> cidr(p.getRemoteIp(), r.remoteIp() != null ? r.remoteIp() : r.directRemoteIp(), "remote IP");
            case HEADER -> HeaderMatchers.matches(p.getHeader(), r.http());
            case URL_PATH -> path(p.getUrlPath(), r);
            case METADATA -> MetadataMatchers.matches(p.getMetadata(), r.metadata());
            case FILTER_STATE -> filterState(p.getFilterState(), r);
            case NOT_ID -> !principal(p.getNotId(), r);
            case SOURCED_METADATA, CUSTOM -> throw new UnsupportedOperationException(
                    "RBAC principal " + p.getIdentifierCase() + " is not modelled");
            case IDENTIFIER_NOT_SET -> throw new IllegalArgumentException("RBAC principal without an identifier");
        };
    }

    private static boolean path(PathMatcher m, RbacRequest r) {
        return StringMatchers.matches(m.getPath(), r.http().pathOnly());
    }

    private static boolean filterState(FilterStateMatcher m, RbacRequest r) {
        if (!m.hasStringMatch()) {
            throw new UnsupportedOperationException("filter state matcher " + m.getMatcherCase() + " is not modelled");
        }
        String v = r.filterState().get(m.getKey());
        return v != null && StringMatchers.matches(m.getStringMatch(), v);
    }

    private static boolean cidr(CidrRange range, String ip, String what) {
        if (ip == null) {
            throw new IllegalArgumentException("the RBAC policy matches on the " + what + ", which the request does not give");
        }
        return Cidrs.contains(range, ip);
    }
}
