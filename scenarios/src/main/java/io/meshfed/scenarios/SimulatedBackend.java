package io.meshfed.scenarios;

import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.Translator;
import io.meshfed.verify.SimulatedTrust;
import io.meshfed.verify.AccessDecision;
import io.meshfed.verify.MeshSimulator;
import io.meshfed.verify.Request;
import io.meshfed.verify.RouteResult;
import io.meshfed.verify.TrustCheck;
import io.meshfed.verify.Workload;
import java.util.List;

/**
 * Evaluates the rendered objects with Istio's semantics; needs no cluster. Answers are exact: split
 * percentages are computed, not sampled, so the tolerance is {@code -Dmeshfed.split.tolerance}
 * (0.01 points, rounding only) and latencies are the configured ones.
 */
public final class SimulatedBackend implements Backend {

    static final double TOLERANCE = Double.parseDouble(System.getProperty("meshfed.split.tolerance", "0.01"));
    private MeshSimulator mesh;

    @Override
    public String name() {
        return "simulated";
    }

    private java.util.function.UnaryOperator<io.meshfed.translate.MeshPlan> edit = java.util.function.UnaryOperator.identity();

    @Override
    public void editTranslation(java.util.function.UnaryOperator<io.meshfed.translate.MeshPlan> edit) {
        this.edit = edit;
    }

    @Override
    public void deploy(MeshSpec spec, boolean separateRoots) {
        mesh = new MeshSimulator(edit.apply(Translator.translate(spec, separateRoots ? SimulatedTrust.separateRoots(spec) : SimulatedTrust.shared(spec))));
    }

    @Override
    public java.util.Optional<MeshReport> meshReport() {
        return java.util.Optional.ofNullable(mesh)
                .map(m -> new MeshReport(m.plan(), List.of(io.meshfed.report.JudgeAnswers.simulated(m.plan()))));
    }

    private MeshSimulator mesh() {
        if (mesh == null) {
            throw new IllegalStateException("the mesh is not deployed: add \"When the mesh is deployed\"");
        }
        return mesh;
    }

    private Workload workload(WorkloadRef ref) {
        return mesh().workload(ref.service(), ref.cluster(), ref.namespace());
    }

    @Override
    public void markUnhealthy(WorkloadRef w) {
        mesh().health().markUnhealthy(w.cluster(), w.namespace(), w.service());
    }

    @Override
    public String sharedRootProblem(String clusterA, String clusterB) {
        return new TrustCheck(mesh().plan()).sharedRootProblem(clusterA, clusterB);
    }

    @Override
    public String mtlsMode(WorkloadRef w) {
        return mesh().peerAuthenticationMode(workload(w));
    }

    @Override
    public String mtlsProblem(WorkloadRef source, WorkloadRef destination) {
        return mesh().mtlsProblem(workload(source), workload(destination));
    }

    @Override
    public CallAnswer call(WorkloadRef source, WorkloadRef destination, String method, String path) {
        AccessDecision d = mesh().access(workload(source), workload(destination), method, path);
        return new CallAnswer(d.allowed(), d.allowed() ? 200 : 403, d.reason());
    }

    @Override
    public SplitAnswer sampleSplit(WorkloadRef source, String host, Request request) {
        RouteResult r = mesh().route(workload(source), host, request);
        return new SplitAnswer(r.host(), r.rule(), r.percentages(), 0, (expected, keys) -> TOLERANCE);
    }

    @Override
    public ChainAnswer callThrough(WorkloadRef source, List<String> hops, Request request) {
        MeshSimulator.CallOutcome o = mesh().call(workload(source), hops, request);
        return new ChainAnswer(o.status(), o.latency().toMillis(), 0, o.explanation());
    }

    @Override
    public void close() {
        mesh = null;
    }
}
