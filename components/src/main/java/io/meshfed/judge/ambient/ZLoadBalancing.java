package io.meshfed.judge.ambient;

import java.util.List;

/**
 * A service's workload API {@code LoadBalancing} as ztunnel applies it (istio/ztunnel 1.30.3
 * src/state.rs {@code load_balance}, src/state/service.rs {@code should_include_endpoint}): with a
 * mode other than the standard one, each endpoint is ranked by how many of the routing preferences,
 * in order, it shares with the client (network, region, zone, subzone, node, cluster), only the
 * highest rank is chosen from, and in STRICT mode only endpoints matching them all; unhealthy
 * endpoints count only with health policy ALLOW_ALL.
 */
public record ZLoadBalancing(List<String> routingPreference, String mode, boolean allowUnhealthy) {

    public ZLoadBalancing {
        routingPreference = List.copyOf(routingPreference);
    }

    /** Selects among the candidates as ztunnel would for a client workload. */
    List<ZWorkload> select(ZWorkload client, List<ZWorkload> candidates) {
        if (mode.isEmpty() || mode.equals("UNSPECIFIED_MODE")) {
            return candidates;
        }
        if (mode.equals("PASSTHROUGH")) {
            throw new UnsupportedOperationException("PASSTHROUGH load balancing (the original destination) is not modelled");
        }
        int best = -1;
        List<ZWorkload> chosen = new java.util.ArrayList<>();
        for (ZWorkload w : candidates) {
            int rank = rank(client, w);
            if (mode.equals("STRICT") && rank != routingPreference.size()) {
                continue;
            }
            if (rank > best) {
                best = rank;
                chosen.clear();
            }
            if (rank == best) {
                chosen.add(w);
            }
        }
        return chosen;
    }

    private int rank(ZWorkload client, ZWorkload w) {
        int rank = 0;
        for (String scope : routingPreference) {
            boolean same = switch (scope) {
                case "NETWORK" -> client.network().equals(w.network());
                case "REGION" -> client.locality().region().equals(w.locality().region());
                case "ZONE" -> client.locality().zone().equals(w.locality().zone());
                case "SUBZONE" -> client.locality().subzone().equals(w.locality().subzone());
                case "NODE" -> client.node().equals(w.node());
                case "CLUSTER" -> client.clusterId().equals(w.clusterId());
                default -> throw new IllegalArgumentException("unknown routing preference " + scope);
            };
            if (!same) {
                break;
            }
            rank++;
        }
        return rank;
    }
}
