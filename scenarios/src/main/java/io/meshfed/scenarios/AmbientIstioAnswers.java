package io.meshfed.scenarios;

import io.meshfed.judge.HttpRequest;
import io.meshfed.judge.ambient.AmbientJudge;
import io.meshfed.judge.ambient.AmbientLeg;
import io.meshfed.judge.ambient.TlsHop;
import io.meshfed.judge.istio.SamplePod;
import io.meshfed.translate.MeshPlan;
import io.meshfed.trust.AcceptedPeers;
import io.meshfed.verify.MeshSimulator;
import io.meshfed.verify.Request;
import io.meshfed.verify.TrustCheck;
import io.meshfed.verify.Workload;
import io.meshfed.verify.WorkloadMtls;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The istio backend's answers for ambient meshes, from what Istio generated for them
 * ({@link AmbientJudge}: ztunnel's workload API view, waypoints' and east-west gateways' Envoy
 * configs). Certificates come from the rendered {@code cacerts}: every mTLS connection the request
 * used is handshaken for real with the identities the generated config expects.
 */
final class AmbientIstioAnswers {

    private final MeshPlan plan;
    private final AmbientJudge judge;
    private final MeshSimulator names;

    AmbientIstioAnswers(MeshPlan plan, AmbientJudge judge) {
        this.plan = plan;
        this.judge = judge;
        this.names = new MeshSimulator(plan);
    }

    private Workload workload(WorkloadRef ref) {
        return names.workload(ref.service(), ref.cluster(), ref.namespace());
    }

    void markUnhealthy(WorkloadRef w) {
        judge.markUnhealthy(w.cluster(), w.namespace(), w.service());
    }

    String sharedRootProblem(String clusterA, String clusterB) {
        return new TrustCheck(plan).sharedRootProblem(clusterA, clusterB);
    }

    String mtlsMode(WorkloadRef w) {
        return judge.mtlsMode(workload(w));
    }

    /** The host a client uses for the destination: its service name, global in upstream ambient meshes. */
    private String hostFor(Workload source, Workload destination) {
        String suffix = source.cluster().equals(destination.cluster()) ? "svc.cluster.local" : plan.spec().globalHostSuffix();
        return destination.service() + "." + destination.namespace() + "." + suffix;
    }

    private List<AmbientLeg> legsTo(Workload source, Workload destination, String method, String path) {
        String host = hostFor(source, destination);
        return judge.request(source, host, HttpRequest.of(method, host, path));
    }

    private boolean servedBy(AmbientLeg leg, Workload destination) {
        SamplePod pod = leg.servedBy();
        return pod != null && !pod.gateway() && pod.workload().cluster().equals(destination.cluster())
                && pod.workload().namespace().equals(destination.namespace()) && pod.workload().service().equals(destination.service());
    }

    String mtlsProblem(WorkloadRef sourceRef, WorkloadRef destinationRef) {
        Workload source = workload(sourceRef);
        Workload destination = workload(destinationRef);
        List<AmbientLeg> legs = legsTo(source, destination, "GET", "/");
        List<AmbientLeg> reaching = legs.stream().filter(l -> servedBy(l, destination)).toList();
        if (reaching.isEmpty()) {
            return "no request from " + source.describe() + " reaches " + destination.describe() + ": " + summary(legs);
        }
        AmbientLeg secured = reaching.stream().filter(AmbientLeg::mtls).findFirst().orElse(null);
        if (secured == null) {
            return source.describe() + " reaches " + destination.describe() + " over a plaintext segment: " + reaching.get(0).hops();
        }
        WorkloadMtls mtls = new WorkloadMtls(plan);
        for (TlsHop hop : secured.tls()) {
            Workload client = identity(hop.clientIdentity(), hop.clientCluster());
            Workload server = identity(hop.serverIdentity(), hop.serverCluster());
            String problem = mtls.handshakeProblem(client, server, Set.of(server.spiffeId()), AcceptedPeers.exactly(Set.of(client.spiffeId())));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** A workload standing for an identity whose certificate the cluster's istiod signs. */
    private static Workload identity(String spiffeId, String cluster) {
        String[] p = spiffeId.substring("spiffe://".length()).split("/");
        return new Workload(cluster, p[2], p[4], p[4], null, Map.of(), p[0], "");
    }

    CallAnswer call(WorkloadRef sourceRef, WorkloadRef destinationRef, String method, String path) {
        Workload destination = workload(destinationRef);
        List<AmbientLeg> legs = legsTo(workload(sourceRef), destination, method, path);
        AmbientLeg answered = legs.stream().filter(l -> l.ok() && servedBy(l, destination)).findFirst()
                .orElseGet(() -> legs.stream().max(Comparator.comparingDouble(AmbientLeg::share)).orElseThrow());
        boolean allowed = answered.ok() && servedBy(answered, destination);
        return new CallAnswer(allowed, answered.status(), answered.reason() + (allowed ? "" : " (" + String.join(" | ", answered.hops()) + ")"));
    }

    SplitAnswer sampleSplit(WorkloadRef sourceRef, String host, Request request) {
        Workload source = workload(sourceRef);
        String fqdn = names.resolve(source, host);
        List<AmbientLeg> legs = judge.request(source, fqdn, http(fqdn, request));
        Map<String, Double> percentages = new LinkedHashMap<>();
        for (AmbientLeg leg : legs) {
            String key = leg.ok() ? leg.servedBy().workload().cluster() + "/" + (leg.servedBy().workload().version() == null ? "-"
                    : leg.servedBy().workload().version()) : "-/" + leg.status() + " " + leg.reason();
            percentages.merge(key, leg.share() * 100.0, Double::sum);
        }
        percentages.replaceAll((k, v) -> Math.round(v * 1e6) / 1e6);
        return new SplitAnswer(fqdn, "ztunnel, waypoints and east-west gateways as Istio configured them for " + source.describe(),
                percentages, 0, (expected, keys) -> SimulatedBackend.TOLERANCE);
    }

    /**
     * Each hop is served where most requests go; its server makes the next call. Latency adds up from
     * the far end (fault delays); a hop whose latency exceeds the tightest route timeout on its way
     * answers 504 after that timeout.
     */
    ChainAnswer callThrough(WorkloadRef sourceRef, List<String> hops, Request request) {
        Outcome o = through(workload(sourceRef), hops, request);
        return new ChainAnswer(o.status(), o.latency().toMillis(), 0, o.explanation());
    }

    private record Outcome(int status, Duration latency, String explanation) {
    }

    private Outcome through(Workload source, List<String> hops, Request request) {
        if (hops.isEmpty()) {
            return new Outcome(200, Duration.ZERO, "served by " + source.describe());
        }
        String fqdn = names.resolve(source, hops.get(0));
        AmbientLeg main = judge.request(source, fqdn, http(fqdn, request)).stream()
                .max(Comparator.comparingDouble(AmbientLeg::share)).orElseThrow();
        String at = fqdn + " from " + source.describe();
        if (!main.ok()) {
            return new Outcome(main.status(), main.delay(), main.reason() + " (" + at + ")");
        }
        Outcome downstream = through(main.servedBy().workload(), hops.subList(1, hops.size()), request);
        Duration latency = main.delay().plus(downstream.latency());
        if (main.timeout() != null && latency.compareTo(main.timeout()) > 0) {
            return new Outcome(504, main.timeout(), "route timeout " + main.timeout().toMillis() + "ms for " + at + " < latency "
                    + latency.toMillis() + "ms (" + downstream.explanation() + ")");
        }
        return new Outcome(downstream.status(), latency, at + " served by " + main.servedBy().workload().describe() + " -> "
                + downstream.explanation());
    }

    private static HttpRequest http(String fqdn, Request request) {
        HttpRequest http = HttpRequest.of("GET", fqdn, request.path());
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            http = http.withHeader(h.getKey(), h.getValue());
        }
        return http;
    }

    private static String summary(List<AmbientLeg> legs) {
        return legs.stream().map(l -> String.format("%.2f%% %s", l.share() * 100, l.ok() ? "served by " + l.servedBy().workload().describe()
                : l.status() + " " + l.reason())).distinct().collect(Collectors.joining("; "));
    }
}
