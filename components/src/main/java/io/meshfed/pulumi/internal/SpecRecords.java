package io.meshfed.pulumi.internal;

import io.meshfed.pulumi.ClusterReference;
import io.meshfed.pulumi.inputs.AccessArgs;
import io.meshfed.pulumi.inputs.AccessRuleArgs;
import io.meshfed.pulumi.inputs.DestinationSelectorArgs;
import io.meshfed.pulumi.inputs.ExportArgs;
import io.meshfed.pulumi.inputs.FailoverArgs;
import io.meshfed.pulumi.inputs.FaultArgs;
import io.meshfed.pulumi.inputs.IstioSettingsArgs;
import io.meshfed.pulumi.inputs.LocalityArgs;
import io.meshfed.pulumi.inputs.MatchArgs;
import io.meshfed.pulumi.inputs.NamespaceRefArgs;
import io.meshfed.pulumi.inputs.OutlierDetectionArgs;
import io.meshfed.pulumi.inputs.PortArgs;
import io.meshfed.pulumi.inputs.RouteArgs;
import io.meshfed.pulumi.inputs.ServiceAccountArgs;
import io.meshfed.pulumi.inputs.ServiceArgs;
import io.meshfed.pulumi.inputs.ServiceRefArgs;
import io.meshfed.pulumi.inputs.SourceArgs;
import io.meshfed.pulumi.inputs.SplitArgs;
import io.meshfed.pulumi.inputs.StringMatchArgs;
import io.meshfed.pulumi.inputs.TrafficArgs;
import io.meshfed.pulumi.inputs.TrustSettingsArgs;
import io.meshfed.spec.AccessPolicySpec;
import io.meshfed.spec.AccessSpec;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.DestinationSelectorSpec;
import io.meshfed.spec.EastWestGatewaySpec;
import io.meshfed.spec.ExportSpec;
import io.meshfed.spec.FailoverSpec;
import io.meshfed.spec.FaultSpec;
import io.meshfed.spec.IstioSpec;
import io.meshfed.spec.LocalitySpec;
import io.meshfed.spec.MatchSpec;
import io.meshfed.spec.NamespaceRef;
import io.meshfed.spec.OutlierDetectionSpec;
import io.meshfed.spec.PortSpec;
import io.meshfed.spec.RetrySpec;
import io.meshfed.spec.RouteSpec;
import io.meshfed.spec.ServiceAccountRef;
import io.meshfed.spec.ServiceRef;
import io.meshfed.spec.ServiceSpec;
import io.meshfed.spec.SourceSpec;
import io.meshfed.spec.SplitSpec;
import io.meshfed.spec.StringMatchSpec;
import io.meshfed.spec.TrafficPolicySpec;
import io.meshfed.spec.TrustSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * The typed inputs as the spec records the translation reads. One direction only (typed → spec);
 * {@link TypedInputs} goes the other way for {@code Mesh}. Nothing here knows Istio: absent values
 * stay absent, and the records apply their own defaults.
 */
public final class SpecRecords {

    private SpecRecords() {
    }

    public static ClusterSpec cluster(ClusterReference ref, @Nullable EastWestGatewaySpec gateway) {
        return new ClusterSpec(ref.name(), null, null, ref.network(), locality(ref.locality()), ref.trustDomain(), gateway);
    }

    public static @Nullable LocalitySpec locality(@Nullable LocalityArgs args) {
        return args == null ? null : new LocalitySpec(args.region(), args.zone());
    }

    public static @Nullable TrustSpec trust(@Nullable TrustSettingsArgs a) {
        if (a == null) {
            return null;
        }
        return new TrustSpec(a.root(), a.keyType(), a.notBefore(), a.rootValidity(), a.intermediateValidity(), a.epoch(),
                a.rootEpoch(), a.rootRotation(), a.organization(), a.providedRootCertFile(), a.providedRootKeyFile());
    }

    /** The mesh-wide Istio settings; the chart values are added by the installation that has them. */
    public static IstioSpec istio(@Nullable IstioSettingsArgs a, List<NamespaceRef> waypoints, @Nullable Map<String, Object> values) {
        IstioSettingsArgs s = a == null ? new IstioSettingsArgs() : a;
        return new IstioSpec(s.version(), s.revision(), s.mode(), s.profile(), s.meshId(), s.chartRepository(), values, waypoints,
                s.eastWestGatewayFlavor());
    }

    public static ServiceSpec service(ServiceArgs a) {
        return new ServiceSpec(a.name(), a.namespace(), a.cluster(), a.serviceAccount(), map(a.ports(), SpecRecords::port),
                a.versions(), a.labels());
    }

    private static PortSpec port(PortArgs a) {
        return new PortSpec(a.name(), a.number(), a.protocol());
    }

    public static ExportSpec export(ExportArgs a) {
        return new ExportSpec(a.service(), a.namespace(), a.from(), a.to());
    }

    public static @Nullable ServiceRef serviceRef(@Nullable ServiceRefArgs a) {
        return a == null ? null : new ServiceRef(a.service(), a.namespace());
    }

    public static TrafficPolicySpec traffic(TrafficArgs a) {
        return traffic(a.name(), a.destination(), a.sourceClusters(), a.routes());
    }

    public static TrafficPolicySpec traffic(String name, @Nullable ServiceRefArgs destination, List<String> sourceClusters,
                                            List<RouteArgs> routes) {
        return new TrafficPolicySpec(name, serviceRef(destination), sourceClusters, map(routes, SpecRecords::route));
    }

    private static RouteSpec route(RouteArgs a) {
        return new RouteSpec(a.name(), match(a.match()), map(a.split(), s -> new SplitSpec(s.cluster(), s.subset(), s.weight())),
                a.timeout(), a.retries() == null ? null : new RetrySpec(a.retries().attempts(), a.retries().perTryTimeout(),
                a.retries().retryOn()), fault(a.fault()));
    }

    private static @Nullable MatchSpec match(@Nullable MatchArgs a) {
        if (a == null) {
            return null;
        }
        Map<String, StringMatchSpec> headers = new LinkedHashMap<>();
        a.headers().forEach((name, m) -> headers.put(name, stringMatch(m)));
        return new MatchSpec(headers, stringMatch(a.uri()));
    }

    private static @Nullable StringMatchSpec stringMatch(@Nullable StringMatchArgs a) {
        return a == null ? null : new StringMatchSpec(a.exact(), a.prefix(), a.regex());
    }

    private static @Nullable FaultSpec fault(@Nullable FaultArgs a) {
        if (a == null) {
            return null;
        }
        return new FaultSpec(
                a.delay() == null ? null : new FaultSpec.DelaySpec(a.delay().fixedDelay(), a.delay().percent()),
                a.abort() == null ? null : new FaultSpec.AbortSpec(a.abort().httpStatus(), a.abort().percent()));
    }

    public static @Nullable AccessSpec access(@Nullable AccessArgs a) {
        if (a == null) {
            return null;
        }
        return access(a.mtls(), a.globalDefaultDeny(), a.rules(), a.namespaceIsolation());
    }

    public static AccessSpec access(@Nullable String mtls, @Nullable Boolean globalDefaultDeny, List<AccessRuleArgs> rules,
                                    List<NamespaceRefArgs> namespaceIsolation) {
        return new AccessSpec(mtls, globalDefaultDeny, map(rules, SpecRecords::accessRule),
                map(namespaceIsolation, SpecRecords::namespace));
    }

    private static AccessPolicySpec accessRule(AccessRuleArgs a) {
        return new AccessPolicySpec(a.name(), map(a.from(), SpecRecords::source), selector(a.to()), a.methods(), a.paths(),
                a.ports());
    }

    private static SourceSpec source(SourceArgs a) {
        return new SourceSpec(map(a.serviceAccounts(), SpecRecords::serviceAccount), map(a.namespaces(), SpecRecords::namespace));
    }

    private static ServiceAccountRef serviceAccount(ServiceAccountArgs a) {
        return new ServiceAccountRef(a.cluster(), a.namespace(), a.name());
    }

    public static NamespaceRef namespace(NamespaceRefArgs a) {
        return new NamespaceRef(a.cluster(), a.namespace());
    }

    private static @Nullable DestinationSelectorSpec selector(@Nullable DestinationSelectorArgs a) {
        return a == null ? null : new DestinationSelectorSpec(a.clusters(), a.namespaces(), a.services(), a.labels());
    }

    public static FailoverSpec failover(FailoverArgs a) {
        return failover(a.name(), a.service(), a.priority(), a.regions().stream()
                .map(r -> new FailoverSpec.RegionFailover(r.from(), r.to())).toList(), a.outlierDetection());
    }

    public static FailoverSpec failover(String name, @Nullable ServiceRefArgs service, List<String> priority,
                                        List<FailoverSpec.RegionFailover> regions, @Nullable OutlierDetectionArgs outlier) {
        return new FailoverSpec(name, serviceRef(service), priority, regions, outlier == null ? null
                : new OutlierDetectionSpec(outlier.consecutive5xxErrors(), outlier.interval(), outlier.baseEjectionTime(),
                outlier.maxEjectionPercent()));
    }

    public static <A, S> List<S> map(List<A> items, Function<A, S> convert) {
        return items.stream().map(convert).toList();
    }
}
