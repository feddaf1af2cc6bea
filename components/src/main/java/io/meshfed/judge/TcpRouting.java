package io.meshfed.judge;

import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The upstream cluster(s) of a filter chain that ends in {@code tcp_proxy}. */
public final class TcpRouting {

    private TcpRouting() {
    }

    public static RouteDecision of(FilterChain chain) {
        for (Filter f : chain.getFiltersList()) {
            Optional<TcpProxy> tcp = EnvoyTypes.unpack(f.getTypedConfig(), TcpProxy.class);
            if (tcp.isPresent()) {
                return new RouteDecision(RouteDecision.Kind.TCP_PROXY, null, null, clusters(tcp.get()), 0, null,
                        null, null, null, null, null);
            }
        }
        throw new UnsupportedOperationException("filter chain " + chain.getName()
                + " ends in neither http_connection_manager nor tcp_proxy");
    }

    private static List<ClusterShare> clusters(TcpProxy tcp) {
        if (tcp.hasWeightedClusters()) {
            WeightedCluster.Builder wc = WeightedCluster.newBuilder();
            List<ClusterShare> out = new ArrayList<>();
            tcp.getWeightedClusters().getClustersList().forEach(c -> wc.addClusters(WeightedCluster.ClusterWeight
                    .newBuilder().setName(c.getName()).setWeight(com.google.protobuf.UInt32Value.of(c.getWeight()))));
            out.addAll(HttpRouting.weighted(wc.build()));
            return out;
        }
        return List.of(new ClusterShare(tcp.getCluster(), 1, 1));
    }
}
