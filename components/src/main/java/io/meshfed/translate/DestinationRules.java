package io.meshfed.translate;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSettingBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSettingFailoverBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetectionBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.SubsetBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyBuilder;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import io.meshfed.spec.FailoverSpec;
import io.meshfed.spec.OutlierDetectionSpec;
import io.meshfed.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** DestinationRules: ISTIO_MUTUAL with the backing identities, version/cluster subsets, failover. */
final class DestinationRules {

    /** Used by the east-west gateway's rule when the service has no failover policy. */
    static final OutlierDetectionSpec GATEWAY_OUTLIER_DETECTION = new OutlierDetectionSpec(5, "10s", "30s", 100);

    private final Context ctx;

    DestinationRules(Context ctx) {
        this.ctx = ctx;
    }

    /** The rule for a global host, as seen from one participant cluster. */
    DestinationRule global(String host, String name, String namespace, List<ServiceSpec> backings, Parent parent) {
        String service = backings.get(0).name();
        TreeSet<String> sans = new TreeSet<>();
        backings.forEach(b -> sans.add(ctx.spiffeId(b.cluster(), b)));
        List<Subset> subsets = new ArrayList<>();
        for (String version : versions(backings)) {
            subsets.add(subset(Subsets.name(null, version), Map.of("version", version)));
        }
        for (ServiceSpec b : backings) {
            Map<String, String> inCluster = ctx.backingClusterSelector(parent.cluster(), b.cluster());
            subsets.add(subset(Subsets.name(b.cluster(), null), inCluster));
            for (String version : b.versions()) {
                Map<String, String> labels = new TreeMap<>(inCluster);
                labels.put("version", version);
                subsets.add(subset(Subsets.name(b.cluster(), version), labels));
            }
        }
        TrafficPolicy policy = trafficPolicy(new ArrayList<>(sans), failover(service, namespace), parent.cluster());
        return new DestinationRuleBuilder()
                .withMetadata(ctx.meta(name, namespace, parent))
                .withNewSpec().withHost(host).withExportTo("*").withTrafficPolicy(policy).withSubsets(subsets).endSpec()
                .build();
    }

    /**
     * The rule a backing cluster's east-west gateway applies to the global host. The gateway
     * resolves a passthrough connection's SNI against its own cluster's view of the host, which
     * also holds the WorkloadEntries for other clusters; without this rule it could send a request
     * on to yet another cluster. Exported only to the gateway's namespace (a proxy's own namespace
     * wins), it narrows every subset to this cluster's pods and, for connections without a subset,
     * puts them first — failover priorities need outlier detection, so it always has one.
     */
    DestinationRule eastWestGateway(String host, String name, ServiceSpec local, Parent parent) {
        Map<String, String> ownPods = ctx.backingClusterSelector(local.cluster(), local.cluster());
        List<Subset> subsets = new ArrayList<>();
        subsets.add(subset(Subsets.name(local.cluster(), null), ownPods));
        for (String version : local.versions()) {
            Map<String, String> labels = new TreeMap<>(ownPods);
            labels.put("version", version);
            subsets.add(subset(Subsets.name(null, version), labels));
            subsets.add(subset(Subsets.name(local.cluster(), version), labels));
        }
        OutlierDetectionSpec od = failover(local.name(), local.namespace())
                .map(FailoverSpec::outlierDetection).orElse(GATEWAY_OUTLIER_DETECTION);
        return new DestinationRuleBuilder()
                .withMetadata(ctx.meta(eastWestRuleName(name, local), ctx.cluster(local.cluster()).eastWestGateway().namespace(), parent))
                .withNewSpec()
                .withHost(host)
                .withExportTo(".")
                .withNewTrafficPolicy()
                .withOutlierDetection(outlierDetection(od))
                .withNewLoadBalancer().withNewLocalityLbSetting()
                .withEnabled(true)
                .withFailoverPriority(ownPodsFirst(local.cluster()))
                .endLocalityLbSetting().endLoadBalancer()
                .endTrafficPolicy()
                .withSubsets(subsets)
                .endSpec()
                .build();
    }

    /**
     * {@code <service>-<suffix>-eastwest}; with the namespace before {@code eastwest} when the cluster
     * backs exported services of that name in several namespaces, whose rules share the gateway's namespace.
     */
    private String eastWestRuleName(String name, ServiceSpec local) {
        return ctx.exportedInSeveralNamespaces(local.cluster(), local.name())
                ? Names.of(name, local.namespace(), "eastwest") : Names.of(name, "eastwest");
    }

    /** The rule for a service's local host, used when it is not federated but routed or failed over. */
    DestinationRule local(ServiceSpec service, Parent parent) {
        List<Subset> subsets = service.versions().stream().map(v -> subset(v, Map.of("version", v))).toList();
        return new DestinationRuleBuilder()
                .withMetadata(ctx.meta(Names.of(service.name(), "local"), service.namespace(), parent))
                .withNewSpec().withHost(service.localHost())
                .withTrafficPolicy(trafficPolicy(List.of(), failover(service.name(), service.namespace()), service.cluster()))
                .withSubsets(subsets).endSpec()
                .build();
    }

    Optional<FailoverSpec> failover(String service, String namespace) {
        return ctx.failover(service, namespace);
    }

    /**
     * Istio sets {@code topology.istio.io/cluster} of every endpoint to the cluster whose istiod
     * reads it, so WorkloadEntries for remote clusters look local to that label. "Same cluster"
     * becomes "the viewer's own network", which only its pods carry.
     */
    private List<String> failoverPriority(List<String> priority, String viewer) {
        String ownPods = ownPodsFirst(viewer);
        return priority.stream().map(label -> label.equals(Context.CLUSTER_LABEL) ? ownPods : label).distinct().toList();
    }

    /** A failover priority entry (the {@code key=value} form) that only the viewer's own pods match. */
    private String ownPodsFirst(String viewer) {
        return Context.NETWORK_LABEL + "=" + ctx.cluster(viewer).effectiveNetwork();
    }

    private static OutlierDetection outlierDetection(OutlierDetectionSpec od) {
        return new OutlierDetectionBuilder()
                .withConsecutive5xxErrors(od.consecutive5xxErrors())
                .withInterval(od.interval())
                .withBaseEjectionTime(od.baseEjectionTime())
                .withMaxEjectionPercent(od.maxEjectionPercent())
                .build();
    }

    private static TreeSet<String> versions(List<ServiceSpec> backings) {
        TreeSet<String> versions = new TreeSet<>();
        backings.forEach(b -> versions.addAll(b.versions()));
        return versions;
    }

    private static Subset subset(String name, Map<String, String> labels) {
        return new SubsetBuilder().withName(name).withLabels(new LinkedHashMap<>(labels)).build();
    }

    private TrafficPolicy trafficPolicy(List<String> subjectAltNames, Optional<FailoverSpec> failover, String viewer) {
        TrafficPolicyBuilder policy = new TrafficPolicyBuilder().withTls(new ClientTLSSettingsBuilder()
                .withMode(ClientTLSSettingsTLSmode.ISTIO_MUTUAL)
                .withSubjectAltNames(subjectAltNames.isEmpty() ? null : subjectAltNames)
                .build());
        failover.ifPresent(f -> {
            policy.withOutlierDetection(outlierDetection(f.outlierDetection()));
            LocalityLoadBalancerSettingBuilder locality = new LocalityLoadBalancerSettingBuilder().withEnabled(true);
            if (f.regions().isEmpty()) {
                locality.withFailoverPriority(failoverPriority(f.priority(), viewer));
            } else {
                locality.withFailover(f.regions().stream()
                        .map(r -> new LocalityLoadBalancerSettingFailoverBuilder().withFrom(r.from()).withTo(r.to()).build())
                        .toList());
            }
            policy.withLoadBalancer(new LoadBalancerSettingsBuilder().withLocalityLbSetting(locality.build()).build());
        });
        return policy.build();
    }
}
