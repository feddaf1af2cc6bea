package io.meshfed.pulumi.internal;

import io.meshfed.pulumi.inputs.AbortArgs;
import io.meshfed.pulumi.inputs.AccessArgs;
import io.meshfed.pulumi.inputs.AccessRuleArgs;
import io.meshfed.pulumi.inputs.DelayArgs;
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
import io.meshfed.pulumi.inputs.RegionFailoverArgs;
import io.meshfed.pulumi.inputs.RetryArgs;
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
import io.meshfed.spec.ExportSpec;
import io.meshfed.spec.FailoverSpec;
import io.meshfed.spec.FaultSpec;
import io.meshfed.spec.IstioSpec;
import io.meshfed.spec.LocalitySpec;
import io.meshfed.spec.MatchSpec;
import io.meshfed.spec.NamespaceRef;
import io.meshfed.spec.OutlierDetectionSpec;
import io.meshfed.spec.RouteSpec;
import io.meshfed.spec.ServiceRef;
import io.meshfed.spec.ServiceSpec;
import io.meshfed.spec.StringMatchSpec;
import io.meshfed.spec.TrafficPolicySpec;
import io.meshfed.spec.TrustSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A parsed mesh spec as the typed inputs, for {@code Mesh}: the inverse of {@link SpecRecords}, so
 * that a spec goes through the typed components unchanged (the registered-objects test holds both
 * directions to that).
 */
public final class TypedInputs {

    private TypedInputs() {
    }

    public static LocalityArgs locality(LocalitySpec s) {
        return LocalityArgs.builder().region(s.region()).zone(s.zone()).build();
    }

    public static TrustSettingsArgs trust(TrustSpec s) {
        return TrustSettingsArgs.builder().root(s.root()).keyType(s.keyType()).notBefore(s.notBefore())
                .rootValidity(s.rootValidity()).intermediateValidity(s.intermediateValidity()).epoch(s.epoch())
                .rootEpoch(s.rootEpoch()).rootRotation(s.rootRotation()).organization(s.organization())
                .providedRootCertFile(s.providedRootCertFile()).providedRootKeyFile(s.providedRootKeyFile()).build();
    }

    /** The settings one cluster's installation gets: the mesh-wide ones and that cluster's waypoints. */
    public static IstioSettingsArgs istio(IstioSpec s, String globalHostSuffix, String cluster) {
        return IstioSettingsArgs.builder().version(s.version()).revision(s.revision()).mode(s.mode()).profile(s.profile())
                .meshId(s.meshId()).chartRepository(s.chartRepository())
                .waypointNamespaces(s.waypoints().stream().filter(w -> cluster.equals(w.cluster())).map(NamespaceRef::namespace).toList())
                .eastWestGatewayFlavor(s.eastWestGatewayFlavor()).globalHostSuffix(globalHostSuffix).build();
    }

    public static ServiceArgs service(ServiceSpec s) {
        return ServiceArgs.builder().name(s.name()).namespace(s.namespace()).cluster(s.cluster()).serviceAccount(s.serviceAccount())
                .ports(s.ports().stream().map(p -> PortArgs.builder().name(p.name()).number(p.number()).protocol(p.protocol()).build()).toList())
                .versions(s.versions()).labels(s.labels()).build();
    }

    public static ExportArgs export(ExportSpec s) {
        return ExportArgs.builder().service(s.service()).namespace(s.namespace()).from(s.from()).to(s.to()).build();
    }

    public static @Nullable ServiceRefArgs serviceRef(@Nullable ServiceRef s) {
        return s == null ? null : ServiceRefArgs.builder().service(s.service()).namespace(s.namespace()).build();
    }

    public static TrafficArgs traffic(TrafficPolicySpec s) {
        return TrafficArgs.builder().name(s.name()).destination(serviceRef(s.destination())).sourceClusters(s.sourceClusters())
                .routes(routes(s.routes())).build();
    }

    public static List<RouteArgs> routes(List<RouteSpec> routes) {
        return routes.stream().map(TypedInputs::route).toList();
    }

    private static RouteArgs route(RouteSpec s) {
        return RouteArgs.builder().name(s.name()).match(match(s.match()))
                .split(s.split().stream().map(x -> SplitArgs.builder().cluster(x.cluster()).subset(x.subset()).weight(x.weight()).build()).toList())
                .timeout(s.timeout())
                .retries(s.retries() == null ? null : RetryArgs.builder().attempts(s.retries().attempts())
                        .perTryTimeout(s.retries().perTryTimeout()).retryOn(s.retries().retryOn()).build())
                .fault(fault(s.fault())).build();
    }

    private static @Nullable MatchArgs match(@Nullable MatchSpec s) {
        if (s == null) {
            return null;
        }
        Map<String, StringMatchArgs> headers = new LinkedHashMap<>();
        s.headers().forEach((name, m) -> headers.put(name, stringMatch(m)));
        return MatchArgs.builder().headers(headers).uri(stringMatch(s.uri())).build();
    }

    private static @Nullable StringMatchArgs stringMatch(@Nullable StringMatchSpec s) {
        return s == null ? null : StringMatchArgs.builder().exact(s.exact()).prefix(s.prefix()).regex(s.regex()).build();
    }

    private static @Nullable FaultArgs fault(@Nullable FaultSpec s) {
        if (s == null) {
            return null;
        }
        return FaultArgs.builder()
                .delay(s.delay() == null ? null : DelayArgs.builder().fixedDelay(s.delay().fixedDelay()).percent(s.delay().percent()).build())
                .abort(s.abort() == null ? null : AbortArgs.builder().httpStatus(s.abort().httpStatus()).percent(s.abort().percent()).build())
                .build();
    }

    public static AccessArgs access(AccessSpec s) {
        return AccessArgs.builder().mtls(s.mtls()).globalDefaultDeny(s.globalDefaultDeny()).rules(accessRules(s.policies()))
                .namespaceIsolation(namespaces(s.namespaceIsolation())).build();
    }

    public static List<AccessRuleArgs> accessRules(List<AccessPolicySpec> policies) {
        return policies.stream().map(p -> AccessRuleArgs.builder().name(p.name())
                .from(p.from().stream().map(f -> SourceArgs.builder()
                        .serviceAccounts(f.serviceAccounts().stream().map(a -> ServiceAccountArgs.builder().cluster(a.cluster())
                                .namespace(a.namespace()).name(a.name()).build()).toList())
                        .namespaces(namespaces(f.namespaces())).build()).toList())
                .to(DestinationSelectorArgs.builder().clusters(p.to().clusters()).namespaces(p.to().namespaces())
                        .services(p.to().services()).labels(p.to().labels()).build())
                .methods(p.methods()).paths(p.paths()).ports(p.ports()).build()).toList();
    }

    public static List<NamespaceRefArgs> namespaces(List<NamespaceRef> refs) {
        return refs.stream().map(n -> NamespaceRefArgs.builder().cluster(n.cluster()).namespace(n.namespace()).build()).toList();
    }

    public static FailoverArgs failover(FailoverSpec s) {
        return FailoverArgs.builder().name(s.name()).service(serviceRef(s.service())).priority(s.priority())
                .regions(regions(s.regions())).outlierDetection(outlierDetection(s.outlierDetection())).build();
    }

    public static List<RegionFailoverArgs> regions(List<FailoverSpec.RegionFailover> regions) {
        return regions.stream().map(r -> RegionFailoverArgs.builder().from(r.from()).to(r.to()).build()).toList();
    }

    public static @Nullable OutlierDetectionArgs outlierDetection(@Nullable OutlierDetectionSpec s) {
        return s == null ? null : OutlierDetectionArgs.builder().consecutive5xxErrors(s.consecutive5xxErrors()).interval(s.interval())
                .baseEjectionTime(s.baseEjectionTime()).maxEjectionPercent(s.maxEjectionPercent()).build();
    }
}
