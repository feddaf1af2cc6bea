package io.meshfed.bench;

import io.meshfed.spec.AccessPolicySpec;
import io.meshfed.spec.AccessSpec;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.spec.DestinationSelectorSpec;
import io.meshfed.spec.EastWestGatewaySpec;
import io.meshfed.spec.ExportSpec;
import io.meshfed.spec.FailoverSpec;
import io.meshfed.spec.FederationSpec;
import io.meshfed.spec.LocalitySpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.OutlierDetectionSpec;
import io.meshfed.spec.PortSpec;
import io.meshfed.spec.RetrySpec;
import io.meshfed.spec.RouteSpec;
import io.meshfed.spec.ServiceAccountRef;
import io.meshfed.spec.ServiceRef;
import io.meshfed.spec.ServiceSpec;
import io.meshfed.spec.SourceSpec;
import io.meshfed.spec.SplitSpec;
import io.meshfed.spec.TrafficPolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated sidecar mesh for benchmarks: {@code clusters} clusters in regions of ten, and
 * {@code services} exported services in namespaces of fifty. Every service runs in two clusters
 * (a home cluster and a replica in another region, versions v1 and v2), is exported from both to
 * {@code consumers} clusters (its home region's clusters), and has three policies:
 * <ul>
 *   <li>an access policy: its caller's service account (the previous service) may GET/POST on its port;</li>
 *   <li>a traffic policy: a canary split 90 % v1 / 10 % v2 with a timeout and retries, written into
 *       every consumer (the default sourceClusters);</li>
 *   <li>a failover policy: the default priority labels with outlier detection.</li>
 * </ul>
 */
public final class GeneratedMesh {

    static final int CLUSTERS_PER_REGION = 10;
    static final int SERVICES_PER_NAMESPACE = 50;

    private GeneratedMesh() {
    }

    public static MeshSpec of(int clusterCount, int serviceCount, int consumerCount) {
        List<ClusterSpec> clusters = new ArrayList<>();
        for (int c = 0; c < clusterCount; c++) {
            clusters.add(new ClusterSpec(cluster(c), null, null, null,
                    new LocalitySpec("region-" + c / CLUSTERS_PER_REGION, "zone-" + c % 3), null,
                    new EastWestGatewaySpec("10." + c / 250 + "." + c % 250 + ".1", null, null, null)));
        }
        List<ServiceSpec> services = new ArrayList<>();
        List<ExportSpec> exports = new ArrayList<>();
        List<AccessPolicySpec> access = new ArrayList<>();
        List<TrafficPolicySpec> traffic = new ArrayList<>();
        List<FailoverSpec> failover = new ArrayList<>();
        List<PortSpec> ports = List.of(new PortSpec("http", 8080, "HTTP"));
        for (int s = 0; s < serviceCount; s++) {
            String name = service(s);
            String ns = namespace(s);
            int home = s % clusterCount;
            int replica = (home + CLUSTERS_PER_REGION + s / clusterCount) % clusterCount;
            for (int c : replica == home ? new int[] {home} : new int[] {home, replica}) {
                services.add(new ServiceSpec(name, ns, cluster(c), name, ports, List.of("v1", "v2"), null));
            }
            List<String> to = new ArrayList<>();
            int regionStart = home - home % CLUSTERS_PER_REGION;
            for (int i = 0; i < Math.min(consumerCount, clusterCount); i++) {
                to.add(cluster((regionStart + i) % clusterCount));
            }
            exports.add(new ExportSpec(name, ns, null, consumerCount >= clusterCount ? null : to));
            String caller = service(s == 0 ? serviceCount - 1 : s - 1);
            access.add(new AccessPolicySpec("allow-" + name,
                    List.of(new SourceSpec(List.of(new ServiceAccountRef(null, namespace(s == 0 ? serviceCount - 1 : s - 1), caller)), null)),
                    new DestinationSelectorSpec(null, List.of(ns), List.of(name), null),
                    List.of("GET", "POST"), null, List.of(8080)));
            traffic.add(new TrafficPolicySpec("canary-" + name, new ServiceRef(name, ns), null, List.of(
                    new RouteSpec("canary", null, List.of(new SplitSpec(null, "v1", 90), new SplitSpec(null, "v2", 10)),
                            "5s", new RetrySpec(3, "2s", "5xx,reset"), null))));
            failover.add(new FailoverSpec("failover-" + name, new ServiceRef(name, ns), null, null,
                    new OutlierDetectionSpec(5, "10s", "30s", 50)));
        }
        return new MeshSpec("bench", clusters, null, null, services, new FederationSpec(null, exports),
                new AccessSpec(null, true, access, null), traffic, failover);
    }

    static String cluster(int c) {
        return String.format(Locale.ROOT, "cluster-%03d", c);
    }

    static String service(int s) {
        return String.format(Locale.ROOT, "svc-%04d", s);
    }

    static String namespace(int s) {
        return String.format(Locale.ROOT, "team-%02d", s / SERVICES_PER_NAMESPACE);
    }
}
