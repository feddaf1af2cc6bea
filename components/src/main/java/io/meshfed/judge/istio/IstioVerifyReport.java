package io.meshfed.judge.istio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.meshfed.judge.HttpRequest;
import io.meshfed.verify.Inventory;
import io.meshfed.verify.VerifyReport;
import io.meshfed.verify.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code meshfed verify --judge istio}: Istio's validation and analyzer findings per cluster, the
 * route table and the reachability/authorisation matrix, all from Istio's generated Envoy config.
 * {@link #routes()} and {@link #matrix()} give the same rows keyed for comparison with the
 * simulator's report.
 */
public final class IstioVerifyReport {

    private final IstioAnswers answers;
    private final List<Workload> services;
    // each is asked by render() and again by callers comparing judges; computed once (the matrix runs handshakes)
    private List<String> findings;
    private Map<String, String> routes;
    private Map<String, String> matrix;

    public IstioVerifyReport(IstioAnswers answers) {
        this.answers = answers;
        Inventory inventory = Inventory.of(answers.judge().plan().spec());
        this.services = inventory.all().stream()
                .filter(w -> w == inventory.service(w.cluster(), w.namespace(), w.service()).get(0)).toList();
    }

    public String render() {
        StringBuilder out = new StringBuilder("Istio's own checks (pkg/config/validation, the analyzers of istioctl analyze) per cluster\n");
        findings().forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("\nRoute table from Istio's generated Envoy config (per service; from each calling cluster/namespace)\n");
        Map<String, List<String>> byService = new LinkedHashMap<>();
        routes().forEach((key, value) -> byService.computeIfAbsent(key.split(" ")[0], k -> new ArrayList<>())
                .add(key.substring(key.indexOf(' ') + 1) + ": " + value));
        byService.forEach((service, lines) -> {
            out.append("  ").append(service).append('\n');
            lines.forEach(l -> out.append("    ").append(l).append('\n'));
        });
        out.append("\nReachability / authorisation matrix from Istio's generated Envoy config (GET /)\n");
        matrix().forEach((pair, verdict) -> out.append("  ").append(String.format("%-82s %s", pair, verdict)).append('\n'));
        return out.toString();
    }

    /** One line per validation error/warning and analyzer message, or a line saying there are none. */
    public List<String> findings() {
        if (findings == null) {
            findings = computeFindings();
        }
        return findings;
    }

    private List<String> computeFindings() {
        List<String> lines = new ArrayList<>();
        for (IstioOracle.ClusterResult r : answers.judge().results().values()) {
            JsonNode report;
            try {
                report = new ObjectMapper().readTree(Files.readString(r.report()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String cluster = r.sample().cluster();
            int before = lines.size();
            for (JsonNode v : report.path("validation")) {
                lines.add(cluster + ": " + v.path("level").asText() + " (validation) " + v.path("file").asText().replace("rendered/", cluster + "/")
                        + " " + v.path("kind").asText() + " " + v.path("namespace").asText() + "/" + v.path("name").asText() + ": "
                        + v.path("message").asText().strip().replaceAll("\\s+", " "));
            }
            for (JsonNode a : report.path("analysis")) {
                lines.add(cluster + ": " + a.path("level").asText() + " " + a.path("code").asText() + " "
                        + a.path("reference").asText().replace("rendered/", cluster + "/") + ": " + a.path("message").asText());
            }
            if (lines.size() == before) {
                lines.add(cluster + ": no errors, no warnings");
            }
        }
        return lines;
    }

    /** {@code "<service.ns> from <cluster>/<ns>: <host>"} → percentages (failures summed as "failed"). */
    public Map<String, String> routes() {
        if (routes == null) {
            routes = computeRoutes();
        }
        return routes;
    }

    private Map<String, String> computeRoutes() {
        Map<String, Workload> callers = new LinkedHashMap<>();
        services.forEach(w -> callers.putIfAbsent(w.cluster() + "/" + w.namespace(), w));
        Map<String, String> rows = new LinkedHashMap<>();
        String suffix = answers.judge().plan().spec().globalHostSuffix();
        for (String target : services.stream().map(w -> w.service() + "." + w.namespace()).distinct().toList()) {
            for (Map.Entry<String, Workload> caller : callers.entrySet()) {
                String local = target + ".svc.cluster.local";
                String global = target + "." + suffix;
                boolean hasGlobal = knows(caller.getValue(), global);
                boolean runsHere = services.stream().anyMatch(w -> (w.service() + "." + w.namespace()).equals(target)
                        && w.cluster().equals(caller.getValue().cluster()));
                if (runsHere || !hasGlobal) {
                    rows.put(target + " from " + caller.getKey() + ": " + local, shares(caller.getValue(), local));
                }
                if (hasGlobal) {
                    rows.put(target + " from " + caller.getKey() + ": " + global, shares(caller.getValue(), global));
                }
            }
        }
        return rows;
    }

    /** Whether the caller's sidecar has a virtual host for the host (Istio made it visible there). */
    private boolean knows(Workload caller, String host) {
        for (RouteConfiguration rc : answers.judge().config(answers.judge().pod(caller)).routeConfigs().values()) {
            for (VirtualHost vh : rc.getVirtualHostsList()) {
                if (vh.getDomainsList().stream().anyMatch(d -> d.equals(host) || d.startsWith(host + ":"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private String shares(Workload caller, String host) {
        return VerifyReport.routeRow(IstioAnswers.percentages(answers.judge().request(caller, host, HttpRequest.of("GET", host, "/"))));
    }

    /** {@code "<source> -> <destination>"} → "allowed: …", "denied: …" or "no mTLS: …". */
    public Map<String, String> matrix() {
        if (matrix == null) {
            matrix = computeMatrix();
        }
        return matrix;
    }

    private Map<String, String> computeMatrix() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (Workload source : services) {
            for (Workload dest : services) {
                if (source == dest) {
                    continue;
                }
                String mtls = answers.mtlsProblem(source, dest);
                String verdict;
                if (mtls != null) {
                    verdict = "no mTLS: " + mtls;
                } else {
                    Leg call = answers.call(source, dest, "GET", "/");
                    verdict = (call.ok() ? "allowed: " : "denied: ") + call.reason();
                }
                rows.put(String.format("%-40s -> %-40s", source.describe(), dest.describe()), verdict);
            }
        }
        return rows;
    }
}
