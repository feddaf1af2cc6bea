package io.meshfed.pulumi.internal;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.core.v1.outputs.LoadBalancerIngress;
import com.pulumi.kubernetes.core.v1.outputs.LoadBalancerStatus;
import com.pulumi.kubernetes.core.v1.outputs.ServiceStatus;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import io.meshfed.translate.GatewayAddressPlaceholder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * East-west gateway addresses that the spec does not declare: read from the gateway Service once
 * its chart is installed (Helm waits for the load balancer), and written where the translation left
 * {@link GatewayAddressPlaceholder}s.
 */
public final class GatewayAddresses {

    private GatewayAddresses() {
    }

    /**
     * The first load-balancer ingress (IP, else hostname) of {@code namespace/service}, read once
     * {@code chart} is deployed. The id derives from the chart's status, an output only known after
     * install, so a preview does not try to read a Service that does not exist yet.
     */
    public static Output<String> ofService(Resource parent, ProviderResource provider, String cluster, String namespace, String service,
                                          Release chart) {
        Output<String> id = chart.status().applyValue(status -> namespace + "/" + service);
        Service read = Service.get(cluster + "/eastwest-service", id,
                CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(chart).build());
        String where = cluster + ": Service " + namespace + "/" + service;
        return read.status().applyValue(status -> status
                .flatMap(ServiceStatus::loadBalancer)
                .map(LoadBalancerStatus::ingress)
                .filter(ingress -> !ingress.isEmpty())
                .map(ingress -> address(ingress.get(0), where))
                .orElseThrow(() -> new IllegalStateException(where
                        + " has no load-balancer address; declare eastWestGateway.address in the spec")));
    }

    private static String address(LoadBalancerIngress ingress, String where) {
        return ingress.ip().or(ingress::hostname).orElseThrow(() -> new IllegalStateException(where + " ingress has neither ip nor hostname"));
    }

    /** The value with every placeholder of a cluster in {@code addresses} replaced by its address. */
    public static Object substitute(Object value, Map<String, String> addresses) {
        if (value instanceof String s) {
            return GatewayAddressPlaceholder.clusterOf(s).map(c -> addresses.getOrDefault(c, s)).orElse(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, substitute(v, addresses)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(substitute(e, addresses)));
            return out;
        }
        return value;
    }
}
