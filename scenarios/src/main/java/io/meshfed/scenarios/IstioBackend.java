package io.meshfed.scenarios;

import io.meshfed.judge.HttpRequest;
import io.meshfed.judge.ambient.AmbientJudge;
import io.meshfed.judge.istio.IstioJudge;
import io.meshfed.judge.istio.Leg;
import io.meshfed.judge.istio.OracleBinary;
import io.meshfed.spec.MeshSpec;
import io.meshfed.trust.AcceptedPeers;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Translator;
import io.meshfed.verify.MeshSimulator;
import io.meshfed.verify.Request;
import io.meshfed.verify.SimulatedTrust;
import io.meshfed.verify.TrustCheck;
import io.meshfed.verify.Workload;
import io.meshfed.verify.WorkloadMtls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * Answers from the Envoy configuration Istio's own control plane generates for the rendered mesh
 * ({@link IstioJudge}); exact like {@code simulated}. Certificates come from the rendered
 * {@code cacerts}: the chains are checked and the mTLS handshake runs for real, with what the
 * generated TLS contexts accept.
 */
public final class IstioBackend implements Backend {

    private MeshPlan plan;
    private IstioJudge judge;
    private MeshSimulator names;
    /** Set instead of {@code judge} for ambient meshes. */
    private AmbientIstioAnswers ambient;

    @Override
    public String name() {
        return "istio";
    }

    @Override
    public String unavailableReason() {
        // under CI the judge must run: a missing binary then fails the scenarios instead of skipping them
        return "true".equals(System.getenv("CI")) ? null : OracleBinary.unavailableReason();
    }

    private java.util.function.UnaryOperator<io.meshfed.translate.MeshPlan> edit = java.util.function.UnaryOperator.identity();

    @Override
    public void editTranslation(java.util.function.UnaryOperator<io.meshfed.translate.MeshPlan> edit) {
        this.edit = edit;
    }

    @Override
    public void deploy(MeshSpec spec, boolean separateRoots) {
        plan = edit.apply(Translator.translate(spec, separateRoots ? SimulatedTrust.separateRoots(spec) : SimulatedTrust.shared(spec)));
        judge = null;
        ambient = null;
        if (spec.istio().ambient()) {
            ambient = new AmbientIstioAnswers(plan, AmbientJudge.of(plan));
            return;
        }
        judge = IstioJudge.of(plan);
        names = new MeshSimulator(plan);
    }

    private IstioJudge judge() {
        if (judge == null) {
            throw new IllegalStateException("the mesh is not deployed: add \"When the mesh is deployed\"");
        }
        return judge;
    }

    private Workload workload(WorkloadRef ref) {
        judge();
        return names.workload(ref.service(), ref.cluster(), ref.namespace());
    }

    @Override
    public void markUnhealthy(WorkloadRef w) {
        if (ambient != null) {
            ambient.markUnhealthy(w);
            return;
        }
        judge().markUnhealthy(w.cluster(), w.namespace(), w.service());
    }

    @Override
    public String sharedRootProblem(String clusterA, String clusterB) {
        if (ambient != null) {
            return ambient.sharedRootProblem(clusterA, clusterB);
        }
        judge();
        return new TrustCheck(plan).sharedRootProblem(clusterA, clusterB);
    }

    @Override
    public String mtlsMode(WorkloadRef w) {
        if (ambient != null) {
            return ambient.mtlsMode(w);
        }
        return judge().mtlsMode(workload(w)).name();
    }

    /** The host a client uses for the destination: its service name at home, its global host from another cluster. */
    private String hostFor(Workload source, Workload destination) {
        if (source.cluster().equals(destination.cluster())) {
            return destination.service() + "." + destination.namespace() + ".svc.cluster.local";
        }
        return destination.service() + "." + destination.namespace() + "." + plan.spec().globalHostSuffix();
    }

    private List<Leg> legsTo(Workload source, Workload destination, String method, String path) {
        return judge().request(source, hostFor(source, destination), HttpRequest.of(method, hostFor(source, destination), path));
    }

    private static boolean servedBy(Leg leg, Workload destination) {
        return leg.servedBy() != null && !leg.servedBy().gateway() && leg.servedBy().workload().cluster().equals(destination.cluster())
                && leg.servedBy().workload().namespace().equals(destination.namespace())
                && leg.servedBy().workload().service().equals(destination.service());
    }

    @Override
    public String mtlsProblem(WorkloadRef sourceRef, WorkloadRef destinationRef) {
        if (ambient != null) {
            return ambient.mtlsProblem(sourceRef, destinationRef);
        }
        Workload source = workload(sourceRef);
        Workload destination = workload(destinationRef);
        List<Leg> legs = legsTo(source, destination, "GET", "/");
        List<Leg> reaching = legs.stream().filter(l -> servedBy(l, destination)).toList();
        if (reaching.isEmpty()) {
            return "no request from " + source.describe() + " to " + hostFor(source, destination) + " reaches " + destination.describe()
                    + ": " + summary(legs);
        }
        if (reaching.stream().noneMatch(Leg::mtls)) {
            return source.describe() + " reaches " + destination.describe() + " in plaintext: " + reaching.get(0).hops();
        }
        Workload served = reaching.stream().filter(Leg::mtls).findFirst().orElseThrow().servedBy().workload();
        return new WorkloadMtls(plan).handshakeProblem(source, served, Set.of(served.spiffeId()), AcceptedPeers.exactly(Set.of(source.spiffeId())));
    }

    @Override
    public CallAnswer call(WorkloadRef sourceRef, WorkloadRef destinationRef, String method, String path) {
        if (ambient != null) {
            return ambient.call(sourceRef, destinationRef, method, path);
        }
        Workload source = workload(sourceRef);
        Workload destination = workload(destinationRef);
        List<Leg> legs = legsTo(source, destination, method, path);
        List<Leg> reaching = legs.stream().filter(l -> servedBy(l, destination)).toList();
        if (reaching.isEmpty()) {
            Leg direct = judge().authorize(source, destination, method, path);
            return new CallAnswer(direct.ok(), direct.status(), direct.reason() + " (authorization at " + destination.describe()
                    + "'s inbound listener; " + source.describe() + " has no route there: " + summary(legs) + ")");
        }
        Leg answered = reaching.stream().filter(Leg::ok).findFirst().orElse(reaching.get(0));
        return new CallAnswer(answered.ok(), answered.status(), answered.reason());
    }

    @Override
    public SplitAnswer sampleSplit(WorkloadRef sourceRef, String host, Request request) {
        if (ambient != null) {
            return ambient.sampleSplit(sourceRef, host, request);
        }
        Workload source = workload(sourceRef);
        String fqdn = names.resolve(source, host);
        HttpRequest http = HttpRequest.of("GET", fqdn, request.path());
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            http = http.withHeader(h.getKey(), h.getValue());
        }
        List<Leg> legs = judge().request(source, fqdn, http);
        Map<String, Double> percentages = new LinkedHashMap<>();
        for (Leg leg : legs) {
            String key = leg.ok() ? leg.servedBy().workload().cluster() + "/" + (leg.servedBy().workload().version() == null ? "-"
                    : leg.servedBy().workload().version()) : "-/" + leg.status() + " " + leg.reason();
            percentages.merge(key, leg.share() * 100.0, Double::sum);
        }
        percentages.replaceAll((k, v) -> Math.round(v * 1e6) / 1e6);
        return new SplitAnswer(fqdn, "Envoy config of " + source.describe(), percentages, 0, (expected, keys) -> SimulatedBackend.TOLERANCE);
    }

    @Override
    public ChainAnswer callThrough(WorkloadRef source, List<String> hops, Request request) {
        if (ambient != null) {
            return ambient.callThrough(source, hops, request);
        }
        throw new TestAbortedException("backend istio: chained calls are judged for ambient meshes only (a sidecar's Leg does not"
                + " carry its route timeout yet)");
    }

    private static String summary(List<Leg> legs) {
        return legs.stream().map(l -> String.format("%.2f%% %s", l.share() * 100, l.ok() ? "served by " + l.servedBy().workload().describe()
                : l.status() + " " + l.reason())).distinct().collect(Collectors.joining("; "));
    }

    @Override
    public void close() {
        judge = null;
        ambient = null;
        plan = null;
    }
}
