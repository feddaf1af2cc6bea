package io.meshfed.translate;

import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.SubsetBuilder;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.FailoverSpec;
import io.meshfed.spec.OutlierDetectionSpec;
import io.meshfed.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cluster's east-west gateway does with a global host. The gateway resolves the SNI of a
 * passthrough connection against its own cluster's view of the host, which also holds the
 * WorkloadEntries for other clusters; without this rule it could send a request on to yet another
 * cluster. Exported only to the gateway's namespace (a proxy's own namespace wins), it narrows
 * every subset to this cluster's pods and, for connections without a subset, puts them first.
 */
final class GatewayDestinationRules {

    /** Used when the service has no failover policy: eject a local pod after 5 straight 5xx. */
    static final OutlierDetectionSpec DEFAULT_OUTLIER_DETECTION = new OutlierDetectionSpec(5, "10s", "30s", 100);

    private final Context ctx;

    GatewayDestinationRules(Context ctx) {
        this.ctx = ctx;
    }

    DestinationRule forLocalPods(String host, String baseName, ServiceSpec local, Parent parent) {
        ClusterSpec cluster = ctx.cluster(local.cluster());
        String network = cluster.effectiveNetwork();
        Map<String, String> ownPods = Map.of(Context.NETWORK_LABEL, network);
        List<Subset> subsets = new ArrayList<>();
        subsets.add(subset(Subsets.name(local.cluster(), null), ownPods));
        for (String version : local.versions()) {
            Map<String, String> labels = new TreeMap<>(ownPods);
            labels.put("version", version);
            subsets.add(subset(Subsets.name(null, version), labels));
            subsets.add(subset(Subsets.name(local.cluster(), version), labels));
        }
        OutlierDetectionSpec od = ctx.failover(local.name(), local.namespace())
                .map(FailoverSpec::outlierDetection).orElse(DEFAULT_OUTLIER_DETECTION);
        return new DestinationRuleBuilder()
                .withMetadata(ctx.meta(Names.of(baseName, "eastwest"), cluster.eastWestGateway().namespace(), parent))
                .withNewSpec()
                .withHost(host)
                .withExportTo(".")
                .withNewTrafficPolicy()
                .withNewOutlierDetection()
                .withConsecutive5xxErrors(od.consecutive5xxErrors())
                .withInterval(od.interval())
                .withBaseEjectionTime(od.baseEjectionTime())
                .withMaxEjectionPercent(od.maxEjectionPercent())
                .endOutlierDetection()
                .withNewLoadBalancer().withNewLocalityLbSetting()
                .withEnabled(true)
                .withFailoverPriority(Context.NETWORK_LABEL + "=" + network)
                .endLocalityLbSetting().endLoadBalancer()
                .endTrafficPolicy()
                .withSubsets(subsets)
                .endSpec()
                .build();
    }

    private static Subset subset(String name, Map<String, String> labels) {
        return new SubsetBuilder().withName(name).withLabels(new TreeMap<>(labels)).build();
    }
}
