package io.meshfed.translate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands for a cluster's east-west gateway address that is only known once the gateway Service
 * has one. It is a valid DNS name (so rendered objects still validate); the Pulumi components
 * replace it with the resolved address, and {@code render --gateway-address} replaces it too.
 */
public final class GatewayAddressPlaceholder {

    private static final String SUFFIX = ".eastwest.meshfed.invalid";
    private static final Pattern PATTERN = Pattern.compile("([a-z0-9-]+)" + Pattern.quote(SUFFIX));

    private GatewayAddressPlaceholder() {
    }

    public static String of(String cluster) {
        return cluster + SUFFIX;
    }

    /** The address of a cluster's east-west gateway: the configured one, else the placeholder. */
    public static String addressOf(io.meshfed.spec.ClusterSpec cluster) {
        return cluster.eastWestGateway().hasAddress() ? cluster.eastWestGateway().address() : of(cluster.name());
    }

    public static Optional<String> clusterOf(String address) {
        Matcher m = PATTERN.matcher(address == null ? "" : address);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
