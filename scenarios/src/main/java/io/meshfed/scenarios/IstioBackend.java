package io.meshfed.scenarios;

import io.meshfed.judge.HttpRequest;
import io.meshfed.judge.ambient.AmbientJudge;
import io.meshfed.judge.istio.IstioAnswers;
import io.meshfed.judge.istio.IstioJudge;
import io.meshfed.judge.istio.Leg;
import io.meshfed.judge.istio.OracleBinary;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Translator;
import io.meshfed.verify.MeshSimulator;
import io.meshfed.verify.Request;
import io.meshfed.verify.SimulatedTrust;
import io.meshfed.verify.TrustCheck;
import io.meshfed.verify.Workload;
import java.util.List;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * Answers from the Envoy configuration Istio's own control plane generates for the rendered mesh
 * ({@link IstioJudge}); exact like {@code simulated}. Certificates come from the rendered
 * {@code cacerts}: the chains are checked and the mTLS handshake runs for real, with what the
 * generated TLS contexts accept.
 */
public class IstioBackend implements Backend {

    private MeshPlan plan;
    private IstioJudge judge;
    private MeshSimulator names;
    private IstioAnswers answers;
    /** Set instead of {@code judge} for ambient meshes. */
    private AmbientIstioAnswers ambient;

    @Override
    public String name() {
        return "istio";
    }

    @Override
    public String unavailableReason() {
        return OracleBinary.skipReason();
    }

    private java.util.function.UnaryOperator<io.meshfed.translate.MeshPlan> edit = java.util.function.UnaryOperator.identity();

    @Override
    public void editTranslation(java.util.function.UnaryOperator<io.meshfed.translate.MeshPlan> edit) {
        this.edit = edit;
    }

    @Override
    public void deploy(MeshSpec spec, boolean separateRoots) {
        judge = null;
        ambient = null;
        plan = edit.apply(translate(spec, separateRoots));
        if (spec.istio().ambient()) {
            ambient = new AmbientIstioAnswers(plan, AmbientJudge.of(plan));
            return;
        }
        judge = judge(plan);
        answers = answers(judge);
        names = new MeshSimulator(plan);
    }

    /** The plan this backend judges: the translation, with the simulator's certificates. */
    protected MeshPlan translate(MeshSpec spec, boolean separateRoots) {
        return Translator.translate(spec, separateRoots ? SimulatedTrust.separateRoots(spec) : SimulatedTrust.shared(spec));
    }

    /** Istio's generated Envoy config for the plan: here from the istio-oracle (Istio's control plane as a library). */
    protected IstioJudge judge(MeshPlan deployed) {
        return IstioJudge.of(deployed);
    }

    /** How this backend answers from the judge; mTLS handshakes use certificates from the rendered cacerts here. */
    protected IstioAnswers answers(IstioJudge deployed) {
        return new IstioAnswers(deployed);
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

    @Override
    public String mtlsProblem(WorkloadRef source, WorkloadRef destination) {
        if (ambient != null) {
            return ambient.mtlsProblem(source, destination);
        }
        return answers.mtlsProblem(workload(source), workload(destination));
    }

    @Override
    public CallAnswer call(WorkloadRef source, WorkloadRef destination, String method, String path) {
        if (ambient != null) {
            return ambient.call(source, destination, method, path);
        }
        Leg answer = answers.call(workload(source), workload(destination), method, path);
        return new CallAnswer(answer.ok(), answer.status(), answer.reason());
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
        Map<String, Double> percentages = IstioAnswers.percentages(judge().request(source, fqdn, http));
        return new SplitAnswer(fqdn, "Envoy config of " + source.describe(), percentages, 0, (expected, keys) -> SimulatedBackend.TOLERANCE);
    }

    @Override
    public ChainAnswer callThrough(WorkloadRef source, List<String> hops, Request request) {
        if (ambient != null) {
            return ambient.callThrough(source, hops, request);
        }
        throw new TestAbortedException("backend " + name() + ": chained calls are judged for ambient meshes only (a sidecar's Leg does not"
                + " carry its route timeout yet)");
    }

    @Override
    public void close() {
        judge = null;
        ambient = null;
        plan = null;
    }
}
