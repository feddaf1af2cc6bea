package io.meshfed.judge.ambient;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.meshfed.judge.ClusterShare;
import io.meshfed.judge.Connection;
import io.meshfed.judge.EndpointShare;
import io.meshfed.judge.HttpRequest;
import io.meshfed.judge.HttpRouting;
import io.meshfed.judge.Listeners;
import io.meshfed.judge.ProxyConfig;
import io.meshfed.judge.RouteDecision;
import io.meshfed.judge.UpstreamTls;

/**
 * Where an endpoint at an Envoy internal address ({@code internal:<listener>/<endpoint id>}) leads:
 * Istio's waypoints and east-west gateways send to internal listeners ({@code connect_originate},
 * {@code forward_inner_connect}) whose {@code tcp_proxy} uses an ORIGINAL_DST cluster: the endpoint
 * id ({@code ip:port}, also the endpoint's {@code envoy.filters.listener.original_dst} metadata) is the
 * destination, the cluster's {@code upstream_port_override} its port (15008, HBONE), the cluster's
 * transport socket its TLS (pilot/pkg/networking/core/cluster_waypoint.go, listener_waypoint.go
 * buildConnectForwarder, Istio 1.30.3).
 */
record InternalUpstream(String listener, String ip, int port, int connectPort, UpstreamTls tls) {

    static InternalUpstream of(ProxyConfig config, EndpointShare e) {
        if (!e.address().startsWith("internal:")) {
            throw new UnsupportedOperationException("endpoint " + e.address() + " is not an internal address");
        }
        String rest = e.address().substring("internal:".length());
        String listenerName = rest.substring(0, rest.indexOf('/'));
        String id = rest.substring(rest.indexOf('/') + 1);
        String ip = id.substring(0, id.lastIndexOf(':'));
        int port = Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
        Listener listener = Listeners.internal(config, listenerName).orElseThrow(() -> new IllegalArgumentException(
                "endpoint " + e.address() + " names internal listener " + listenerName + ", which the proxy does not have"));
        RouteDecision d = HttpRouting.route(config, listener, Connection.plaintextHttp(ip, port), HttpRequest.of("GET", id, "/"));
        if (d.kind() != RouteDecision.Kind.TCP_PROXY || d.clusters().size() != 1) {
            throw new UnsupportedOperationException("internal listener " + listenerName + " does not end in one tcp_proxy cluster");
        }
        String clusterName = d.clusters().stream().map(ClusterShare::cluster).findFirst().orElseThrow();
        Cluster cluster = config.cluster(clusterName);
        if (cluster.getType() != Cluster.DiscoveryType.ORIGINAL_DST) {
            throw new UnsupportedOperationException("internal listener " + listenerName + " sends to " + clusterName
                    + ", which is not an ORIGINAL_DST cluster");
        }
        int connectPort = cluster.getOriginalDstLbConfig().hasUpstreamPortOverride()
                ? cluster.getOriginalDstLbConfig().getUpstreamPortOverride().getValue() : port;
        return new InternalUpstream(listenerName, ip, port, connectPort, UpstreamTls.of(config, clusterName, e.metadata()));
    }
}
