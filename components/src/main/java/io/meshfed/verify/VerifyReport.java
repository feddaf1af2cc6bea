package io.meshfed.verify;

import io.meshfed.translate.MeshPlan;
import java.util.List;

/** The printable result of {@code meshfed verify}: route table per service and reachability/authorisation matrix. */
public final class VerifyReport {

    private VerifyReport() {
    }

    public static String render(MeshPlan plan) {
        MeshSimulator sim = new MeshSimulator(plan);
        List<Workload> services = sim.inventory().all().stream()
                .filter(w -> w == sim.inventory().service(w.cluster(), w.namespace(), w.service()).get(0)).toList();
        StringBuilder out = new StringBuilder("Route table (source -> service: where requests go)\n");
        for (Workload source : services) {
            for (String target : services.stream().map(w -> w.service() + "." + w.namespace()).distinct().toList()) {
                if (!target.startsWith(source.service() + ".")) {
                    RouteResult r = sim.route(source, target, Request.get());
                    out.append("  ").append(source.describe()).append(" -> ").append(r.describe()).append('\n');
                }
            }
        }
        out.append("\nReachability / authorisation matrix (GET /)\n");
        for (Workload source : services) {
            for (Workload dest : services) {
                if (source != dest) {
                    String mtls = sim.mtlsProblem(source, dest);
                    String verdict = mtls != null ? "unreachable: " + mtls : sim.access(source, dest, "GET", "/").reason();
                    out.append(String.format("  %-40s -> %-40s %s%n", source.describe(), dest.describe(), verdict));
                }
            }
        }
        return out.toString();
    }
}
