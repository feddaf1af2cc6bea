package io.meshfed.discover;

import io.meshfed.discover.ClusterReport.CandidateService;
import io.meshfed.discover.ClusterReport.Gateway;
import io.meshfed.discover.ClusterReport.Port;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The human-readable discovery report: one block per cluster, then whether the roots of trust match. */
public final class ReportPrinter {

    private ReportPrinter() {
    }

    public static void print(List<ClusterReport> clusters, PrintWriter out) {
        clusters.forEach(c -> cluster(c, out));
        out.println(RootComparison.line(clusters));
        out.flush();
    }

    private static void cluster(ClusterReport c, PrintWriter out) {
        out.println("cluster " + c.context());
        out.println("  istio:         " + (c.istiods().isEmpty() ? "no istiod Deployment in istio-system"
                : c.istiods().stream().map(i -> i.name() + " " + i.version() + " (revision " + i.revision() + ")")
                        .collect(Collectors.joining(", "))));
        out.println("  trust domain:  " + (c.trustDomain() == null ? "not set in the mesh config (Istio's default cluster.local)" : c.trustDomain()));
        out.println("  network:       " + (c.network() == null ? "unknown" : c.network()));
        out.println("  root of trust: " + (c.root().known() ? "sha256 " + c.root().fingerprintSha256() + " from " + c.root().source()
                : c.root().source() == null ? "none found (no Secret istio-system/cacerts, no istio-ca-root-cert)"
                : "unreadable root-cert.pem in " + c.root().source()));
        if (c.eastWestGateways().isEmpty()) {
            out.println("  east-west:     no Service labelled istio=eastwestgateway");
        }
        for (Gateway g : c.eastWestGateways()) {
            out.println("  east-west:     " + g.namespace() + "/" + g.name() + " at "
                    + (g.addresses().isEmpty() ? "(no load-balancer address yet)" : String.join(", ", g.addresses()))
                    + " ports " + ports(g.ports()));
        }
        if (c.managedByMesh().isEmpty()) {
            out.println("  meshfed:       no objects labelled app.kubernetes.io/managed-by=meshfed");
        }
        c.managedByMesh().forEach((mesh, kinds) -> out.println("  meshfed:       mesh " + mesh + ": " + counts(kinds)));
        if (c.services().isEmpty()) {
            out.println("  services:      none in namespaces with istio-injection=enabled, istio.io/rev or ambient");
        }
        c.services().forEach(s -> out.println("  service:       " + service(s)));
    }

    private static String service(CandidateService s) {
        return s.namespace() + "/" + s.name() + (s.ambient() ? " (ambient)" : "") + " ports " + ports(s.ports())
                + " versions " + (s.versions().isEmpty() ? "-" : String.join(",", s.versions()))
                + " serviceAccount " + (s.serviceAccount() == null ? "-" : s.serviceAccount());
    }

    static String ports(List<Port> ports) {
        return ports.stream().map(p -> (p.name() == null ? "" : p.name() + ":") + p.number()
                + (p.protocol() == null ? "" : "/" + p.protocol())).collect(Collectors.joining(", "));
    }

    private static String counts(Map<String, Integer> kinds) {
        return kinds.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
