package io.meshfed.discover;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshfed.discover.ClusterReport.Gateway;
import io.meshfed.discover.ClusterReport.Port;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/** East-west gateway Services ({@code istio=eastwestgateway}, any namespace) and port conversion. */
final class ServiceReader {

    static final List<String> PROTOCOLS = List.of("HTTP", "HTTP2", "HTTPS", "GRPC", "TCP", "TLS", "MONGO", "REDIS", "MYSQL");

    private final KubernetesClient client;

    ServiceReader(KubernetesClient client) {
        this.client = client;
    }

    List<Gateway> eastWestGateways() {
        return client.services().inAnyNamespace().withLabel("istio", "eastwestgateway").list().getItems().stream()
                .map(s -> new Gateway(s.getMetadata().getNamespace(), s.getMetadata().getName(), addresses(s), ports(s)))
                .sorted(Comparator.comparing(Gateway::namespace).thenComparing(Gateway::name)).toList();
    }

    private static List<String> addresses(Service s) {
        if (s.getStatus() == null || s.getStatus().getLoadBalancer() == null || s.getStatus().getLoadBalancer().getIngress() == null) {
            return List.of();
        }
        return s.getStatus().getLoadBalancer().getIngress().stream()
                .flatMap((LoadBalancerIngress i) -> Stream.of(i.getIp(), i.getHostname()))
                .filter(Objects::nonNull).filter(a -> !a.isBlank()).distinct().toList();
    }

    /** TCP ports of a Service (Istio does not carry UDP/SCTP), with the protocol Istio would infer. */
    static List<Port> ports(Service s) {
        if (s.getSpec() == null || s.getSpec().getPorts() == null) {
            return List.of();
        }
        return s.getSpec().getPorts().stream()
                .filter(p -> p.getProtocol() == null || "TCP".equals(p.getProtocol()))
                .map(p -> new Port(p.getName(), p.getPort(), protocol(p))).toList();
    }

    /** Istio's explicit protocol selection: appProtocol, else the port name prefix before '-'; null if neither says. */
    static String protocol(ServicePort p) {
        for (String hint : new String[] {p.getAppProtocol(), p.getName() == null ? null : p.getName().split("-", 2)[0]}) {
            if (hint != null) {
                String upper = hint.toUpperCase(Locale.ROOT);
                if (PROTOCOLS.contains(upper)) {
                    return upper;
                }
            }
        }
        return null;
    }
}
