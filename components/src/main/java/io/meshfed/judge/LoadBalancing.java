package io.meshfed.judge;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected share of a cluster's requests per endpoint under Envoy's load balancing:
 * priorities as in {@link PriorityLoad}; inside a priority in panic, all its hosts; otherwise its
 * healthy hosts, first split by locality when the cluster sets {@code locality_weighted_lb_config}
 * (effective locality weight = weight × min(1, factor × healthy / hosts in the locality), docs
 * "Locality weighted load balancing"; a locality without weight gets nothing), then by host
 * {@code load_balancing_weight}. ROUND_ROBIN and LEAST_REQUEST (Istio's default) are modelled by their
 * long-run expectation, proportional to host weight, as are the hash policies over many keys;
 * RANDOM ignores weights. An empty result means no host can be picked (503).
 *
 * <p>Unhealthy: an address in {@code ejected} (outlier detection, host:port) or an EDS
 * {@code health_status} UNHEALTHY, DRAINING or TIMEOUT. Not modelled: DEGRADED hosts (rejected),
 * zone-aware routing, {@code fail_traffic_on_panic}, slow start, locality settings inside typed
 * {@code load_balancing_policy} extensions, ORIGINAL_DST clusters (rejected).
 */
public final class LoadBalancing {

    private LoadBalancing() {
    }

    public static List<EndpointShare> shares(ProxyConfig config, String clusterName, Set<String> ejected) {
        Cluster cluster = config.cluster(clusterName);
        ClusterLoadAssignment cla = assignment(config, cluster);
        List<Hosts.Host> hosts = Hosts.of(cla, ejected);
        int levels = hosts.stream().mapToInt(Hosts.Host::priority).max().orElse(0) + 1;
        PriorityLoad.Level[] lv = new PriorityLoad.Level[levels];
        for (int p = 0; p < levels; p++) {
            lv[p] = Hosts.level(hosts, p);
        }
        int factor = cla.getPolicy().hasOverprovisioningFactor() ? cla.getPolicy().getOverprovisioningFactor().getValue() : 140;
        int threshold = cluster.getCommonLbConfig().hasHealthyPanicThreshold()
                ? (int) Math.round(cluster.getCommonLbConfig().getHealthyPanicThreshold().getValue()) : 50;
        PriorityLoad load = PriorityLoad.of(lv, factor, Math.min(100, threshold), cla.getPolicy().getWeightedPriorityHealth());
        boolean byWeight = cluster.getLbPolicy() != Cluster.LbPolicy.RANDOM;
        boolean localityWeighted = cluster.getCommonLbConfig().hasLocalityWeightedLbConfig();
        List<EndpointShare> out = new ArrayList<>();
        for (int p = 0; p < levels; p++) {
            final int prio = p;
            List<Hosts.Host> inPriority = hosts.stream().filter(h -> h.priority() == prio).toList();
            double priorityShare = load.load()[p] / 100.0;
            if (priorityShare == 0) {
                continue;
            }
            if (load.panic()[p]) {
                spread(inPriority, priorityShare, byWeight, out);
            } else if (localityWeighted && !byLocality(inPriority, priorityShare, factor, byWeight, out)) {
                spread(inPriority.stream().filter(Hosts.Host::healthy).toList(), priorityShare, byWeight, out);
            } else if (!localityWeighted) {
                spread(inPriority.stream().filter(Hosts.Host::healthy).toList(), priorityShare, byWeight, out);
            }
        }
        return out;
    }

    private static ClusterLoadAssignment assignment(ProxyConfig config, Cluster cluster) {
        return switch (cluster.getType()) {
            case EDS -> {
                String service = cluster.getEdsClusterConfig().getServiceName().isEmpty()
                        ? cluster.getName() : cluster.getEdsClusterConfig().getServiceName();
                yield config.loadAssignment(service).orElse(ClusterLoadAssignment.newBuilder().setClusterName(service).build());
            }
            case STATIC, STRICT_DNS, LOGICAL_DNS -> cluster.getLoadAssignment();
            case ORIGINAL_DST -> throw new UnsupportedOperationException("cluster " + cluster.getName()
                    + " is ORIGINAL_DST: its upstream is the connection's original destination");
            default -> throw new UnsupportedOperationException("cluster type " + cluster.getType() + " is not modelled");
        };
    }

    /** Splits a priority's share by effective locality weight; false when no locality has any. */
    private static boolean byLocality(List<Hosts.Host> hosts, double share, int factor, boolean byWeight,
            List<EndpointShare> out) {
        Map<String, List<Hosts.Host>> byLocality = new LinkedHashMap<>();
        hosts.forEach(h -> byLocality.computeIfAbsent(h.locality(), k -> new ArrayList<>()).add(h));
        Map<String, Double> effective = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<String, List<Hosts.Host>> e : byLocality.entrySet()) {
            List<Hosts.Host> all = e.getValue();
            long healthy = all.stream().filter(Hosts.Host::healthy).count();
            double w = all.get(0).localityWeight() * Math.min(1.0, factor / 100.0 * healthy / all.size());
            effective.put(e.getKey(), w);
            sum += w;
        }
        if (sum == 0) {
            return false;
        }
        for (Map.Entry<String, List<Hosts.Host>> e : byLocality.entrySet()) {
            double w = effective.get(e.getKey());
            if (w > 0) {
                spread(e.getValue().stream().filter(Hosts.Host::healthy).toList(), share * w / sum, byWeight, out);
            }
        }
        return true;
    }

    private static void spread(List<Hosts.Host> hosts, double share, boolean byWeight, List<EndpointShare> out) {
        double total = hosts.stream().mapToDouble(h -> byWeight ? h.weight() : 1).sum();
        for (Hosts.Host h : hosts) {
            out.add(new EndpointShare(h.address(), h.metadata(), h.locality(), h.priority(),
                    share * (byWeight ? h.weight() : 1) / total, h.healthy()));
        }
    }

    /** The hosts of a load assignment with the health the caller and EDS give them. */
    static final class Hosts {

        record Host(String address, io.envoyproxy.envoy.config.core.v3.Metadata metadata, String locality,
                long localityWeight, int priority, long weight, boolean healthy) {
        }

        private Hosts() {
        }

        static List<Host> of(ClusterLoadAssignment cla, Set<String> ejected) {
            List<Host> hosts = new ArrayList<>();
            for (LocalityLbEndpoints lle : cla.getEndpointsList()) {
                String locality = lle.getLocality().getRegion() + "/" + lle.getLocality().getZone() + "/"
                        + lle.getLocality().getSubZone();
                long lw = lle.hasLoadBalancingWeight() ? lle.getLoadBalancingWeight().getValue() : 0;
                for (LbEndpoint e : lle.getLbEndpointsList()) {
                    String address = address(e);
                    boolean healthy = !ejected.contains(address) && switch (e.getHealthStatus()) {
                        case UNKNOWN, HEALTHY -> true;
                        case UNHEALTHY, DRAINING, TIMEOUT -> false;
                        case DEGRADED -> throw new UnsupportedOperationException("DEGRADED hosts are not modelled: " + address);
                        case UNRECOGNIZED -> throw new IllegalArgumentException("unknown health status of " + address);
                    };
                    long weight = e.hasLoadBalancingWeight() ? e.getLoadBalancingWeight().getValue() : 1;
                    hosts.add(new Host(address, e.getMetadata(), locality, lw, lle.getPriority(), weight, healthy));
                }
            }
            return hosts;
        }

        static PriorityLoad.Level level(List<Host> hosts, int priority) {
            List<Host> in = hosts.stream().filter(h -> h.priority() == priority).toList();
            List<Host> healthy = in.stream().filter(Host::healthy).toList();
            return new PriorityLoad.Level(in.size(), healthy.size(), in.stream().mapToLong(Host::weight).sum(),
                    healthy.stream().mapToLong(Host::weight).sum());
        }

        /** {@code ip:port} of a socket address, {@code internal:<listener>/<id>} of an internal one. */
        static String address(LbEndpoint e) {
            var a = e.getEndpoint().getAddress();
            if (a.hasSocketAddress()) {
                return a.getSocketAddress().getAddress() + ":" + a.getSocketAddress().getPortValue();
            }
            if (a.hasEnvoyInternalAddress()) {
                return "internal:" + a.getEnvoyInternalAddress().getServerListenerName() + "/"
                        + a.getEnvoyInternalAddress().getEndpointId();
            }
            throw new UnsupportedOperationException("endpoint address " + a.getAddressCase() + " is not modelled");
        }
    }
}
