package io.meshfed.judge.ambient;

import java.util.List;

/**
 * An {@code istio.security.Match}: "Values of specific type are ORed. If multiple types are set,
 * they are ANDed" (pkg/workloadapi/security/authorization.proto, Istio 1.30.3); a {@code not_} list
 * matches when none of its values does.
 */
public record ZMatch(List<StringMatch> namespaces, List<StringMatch> notNamespaces, List<ServiceAccount> serviceAccounts,
        List<ServiceAccount> notServiceAccounts, List<StringMatch> principals, List<StringMatch> notPrincipals,
        List<Cidr> sourceIps, List<Cidr> notSourceIps, List<Cidr> destinationIps, List<Cidr> notDestinationIps,
        List<Integer> destinationPorts, List<Integer> notDestinationPorts) {

    public ZMatch {
        namespaces = List.copyOf(namespaces);
        notNamespaces = List.copyOf(notNamespaces);
        serviceAccounts = List.copyOf(serviceAccounts);
        notServiceAccounts = List.copyOf(notServiceAccounts);
        principals = List.copyOf(principals);
        notPrincipals = List.copyOf(notPrincipals);
        sourceIps = List.copyOf(sourceIps);
        notSourceIps = List.copyOf(notSourceIps);
        destinationIps = List.copyOf(destinationIps);
        notDestinationIps = List.copyOf(notDestinationIps);
        destinationPorts = List.copyOf(destinationPorts);
        notDestinationPorts = List.copyOf(notDestinationPorts);
    }

    public boolean empty() {
        return namespaces.isEmpty() && notNamespaces.isEmpty() && serviceAccounts.isEmpty() && notServiceAccounts.isEmpty()
                && principals.isEmpty() && notPrincipals.isEmpty() && sourceIps.isEmpty() && notSourceIps.isEmpty()
                && destinationIps.isEmpty() && notDestinationIps.isEmpty() && destinationPorts.isEmpty() && notDestinationPorts.isEmpty();
    }

    /** {@code exact}, {@code prefix}, {@code suffix} or {@code presence} (any non-empty value). */
    public record StringMatch(String kind, String value) {

        public boolean matches(String check) {
            return switch (kind) {
                case "exact" -> value.equals(check);
                case "prefix" -> check.startsWith(value);
                case "suffix" -> check.endsWith(value);
                case "presence" -> !check.isEmpty();
                default -> throw new IllegalArgumentException("unknown string match " + kind);
            };
        }
    }

    public record ServiceAccount(String namespace, String serviceAccount) {
    }

    /** An address and prefix length. */
    public record Cidr(String ip, int length) {
    }
}
