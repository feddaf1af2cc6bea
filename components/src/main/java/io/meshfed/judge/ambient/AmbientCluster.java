package io.meshfed.judge.ambient;

import io.meshfed.judge.ProxyConfig;
import io.meshfed.judge.istio.IstioOracle;
import io.meshfed.judge.istio.SamplePod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;

/**
 * One cluster of an ambient mesh as its istiod left it: ztunnel's view ({@code ztunnel.json}), the
 * pods placed there and the Envoy config dumps of its waypoints and east-west gateway.
 */
final class AmbientCluster {

    private final String name;
    private final String network;
    private final String trustDomain;
    private final ZtunnelView view;
    private final List<SamplePod> pods;
    private final Function<SamplePod, ProxyConfig> dumps;
    private final Map<SamplePod, ProxyConfig> configs = new HashMap<>();

    AmbientCluster(String name, String network, String trustDomain, ZtunnelView view, List<SamplePod> pods,
            Function<SamplePod, ProxyConfig> dumps) {
        this.name = name;
        this.network = network;
        this.trustDomain = trustDomain;
        this.view = view;
        this.pods = List.copyOf(pods);
        this.dumps = dumps;
    }

    /** The cluster as the istio-oracle left it: {@code ztunnel.json} and a config dump per Envoy. */
    static AmbientCluster of(String name, String network, String trustDomain, IstioOracle.ClusterResult result) {
        try {
            return new AmbientCluster(name, network, trustDomain, ZtunnelView.read(result.directory().resolve("ztunnel.json")),
                    result.sample().pods(), p -> {
                        try {
                            return ProxyConfig.read(result.dump(p));
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot read the config dump of " + p.namespace() + "/" + p.name(), e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ztunnel's view of " + name, e);
        }
    }

    String name() {
        return name;
    }

    String network() {
        return network;
    }

    ZtunnelView view() {
        return view;
    }

    Optional<SamplePod> podByIp(String ip) {
        return pods.stream().filter(p -> p.ip().equals(ip)).findFirst();
    }

    Optional<SamplePod> eastWestGateway() {
        return pods.stream().filter(p -> p.proxy() == SamplePod.ProxyKind.EAST_WEST).findFirst();
    }

    /** The workload ztunnel knows for the pod. */
    Optional<ZWorkload> workload(SamplePod pod) {
        return view.workloadByAddress(network, pod.ip());
    }

    /** The identity the pod's certificate carries: istiod signs its service account in the cluster's trust domain. */
    String certificateIdentity(SamplePod pod) {
        return "spiffe://" + trustDomain + "/ns/" + pod.namespace() + "/sa/" + pod.serviceAccount();
    }

    ProxyConfig config(SamplePod pod) {
        return configs.computeIfAbsent(pod, dumps);
    }

    String describe(SamplePod pod) {
        return switch (pod.proxy()) {
            case WAYPOINT -> "waypoint " + pod.namespace() + "/" + pod.labels().get("gateway.networking.k8s.io/gateway-name") + " of " + name;
            case EAST_WEST -> "east-west gateway of " + name;
            default -> pod.workload() == null ? pod.namespace() + "/" + pod.name() : pod.workload().describe();
        };
    }
}
