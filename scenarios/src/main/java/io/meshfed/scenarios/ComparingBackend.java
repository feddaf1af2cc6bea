package io.meshfed.scenarios;

import io.meshfed.spec.MeshSpec;
import io.meshfed.verify.Request;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks two backends every question (MESHFED_BACKEND {@code simulated+istio}): meshfed's simulator
 * and Istio's own generated config must give the same answer, else the step fails with both
 * answers side by side. When they agree the first backend's answer is returned.
 */
public final class ComparingBackend implements Backend {

    private final Backend first;
    private final Backend second;

    public ComparingBackend(Backend first, Backend second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public String name() {
        return first.name() + "+" + second.name();
    }

    @Override
    public String unavailableReason() {
        String a = first.unavailableReason();
        return a != null ? a : second.unavailableReason();
    }

    @Override
    public void editTranslation(java.util.function.UnaryOperator<io.meshfed.translate.MeshPlan> edit) {
        first.editTranslation(edit);
        second.editTranslation(edit);
    }

    @Override
    public void deploy(MeshSpec spec, boolean separateRoots) {
        second.deploy(spec, separateRoots);
        first.deploy(spec, separateRoots);
    }

    /** The first backend's report, else the second's (only the simulator gives one cheaply). */
    @Override
    public java.util.Optional<MeshReport> meshReport() {
        return first.meshReport().or(second::meshReport);
    }

    @Override
    public List<Attachment> diagnostics() {
        return second.diagnostics();
    }

    @Override
    public void markUnhealthy(WorkloadRef workload) {
        first.markUnhealthy(workload);
        second.markUnhealthy(workload);
    }

    @Override
    public String sharedRootProblem(String clusterA, String clusterB) {
        String a = first.sharedRootProblem(clusterA, clusterB);
        String b = second.sharedRootProblem(clusterA, clusterB);
        agree("do " + clusterA + " and " + clusterB + " share a root?", a == null, b == null, a, b);
        return a;
    }

    @Override
    public String mtlsMode(WorkloadRef workload) {
        String a = first.mtlsMode(workload);
        String b = second.mtlsMode(workload);
        agree("mTLS mode of " + workload.describe(), a, b, a, b);
        return a;
    }

    @Override
    public String mtlsProblem(WorkloadRef source, WorkloadRef destination) {
        String a = first.mtlsProblem(source, destination);
        String b = second.mtlsProblem(source, destination);
        agree("does " + source.describe() + " open mTLS to " + destination.describe() + "?", a == null, b == null,
                a == null ? "yes" : "no: " + a, b == null ? "yes" : "no: " + b);
        return a;
    }

    @Override
    public CallAnswer call(WorkloadRef source, WorkloadRef destination, String method, String path) {
        CallAnswer a = first.call(source, destination, method, path);
        CallAnswer b = second.call(source, destination, method, path);
        agree(method + " " + path + " from " + source.describe() + " to " + destination.describe(),
                a.allowed() + "/" + a.status(), b.allowed() + "/" + b.status(), a, b);
        return a;
    }

    @Override
    public SplitAnswer sampleSplit(WorkloadRef source, String host, Request request) {
        SplitAnswer a = first.sampleSplit(source, host, request);
        SplitAnswer b = second.sampleSplit(source, host, request);
        Map<String, Double> pa = served(a);
        Map<String, Double> pb = served(b);
        Set<String> keys = new TreeSet<>(pa.keySet());
        keys.addAll(pb.keySet());
        boolean same = keys.stream().allMatch(k -> Math.abs(pa.getOrDefault(k, 0.0) - pb.getOrDefault(k, 0.0))
                <= Math.max(a.tolerance().points(pa.getOrDefault(k, 0.0), keys.size()), b.tolerance().points(pb.getOrDefault(k, 0.0), keys.size())));
        agree("where traffic from " + source.describe() + " to " + host + " goes", same, true, a.describe(), b.describe());
        return a;
    }

    /** Served shares per cluster/version, failures summed under "failed" (the backends word their reasons differently). */
    private static Map<String, Double> served(SplitAnswer s) {
        Map<String, Double> positive = new java.util.TreeMap<>();
        s.percentages().forEach((k, v) -> {
            if (v > 0) {
                positive.put(k, v);
            }
        });
        return io.meshfed.verify.VerifyReport.failuresSummed(positive);
    }

    @Override
    public ChainAnswer callThrough(WorkloadRef source, List<String> hops, Request request) {
        ChainAnswer a = first.callThrough(source, hops, request);
        ChainAnswer b = second.callThrough(source, hops, request);
        agree("chained call from " + source.describe() + " through " + hops, a.status() + " after " + a.latencyMillis() + "ms",
                b.status() + " after " + b.latencyMillis() + "ms", a, b);
        return a;
    }

    private void agree(String question, Object a, Object b, Object answerA, Object answerB) {
        if (!Objects.equals(a, b)) {
            throw new AssertionError("backends disagree on " + question + "\n  " + first.name() + ": " + answerA + "\n  "
                    + second.name() + ": " + answerB);
        }
    }

    @Override
    public void close() {
        try {
            first.close();
        } finally {
            second.close();
        }
    }
}
