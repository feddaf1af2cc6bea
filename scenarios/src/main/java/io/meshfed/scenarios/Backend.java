package io.meshfed.scenarios;

import io.meshfed.spec.MeshSpec;
import io.meshfed.verify.Request;
import java.util.List;

/**
 * Where a feature runs, as questions a real cluster can answer. Chosen by system property or
 * environment variable {@code MESHFED_BACKEND} ({@code simulated} by default, or {@code k3s},
 * {@code kind}, {@code kubeconfig}); steps talk only to this interface and never branch on the
 * backend. Workloads are named by service, cluster and namespace ({@link WorkloadRef}); hosts as the
 * features write them (bare name, {@code name.ns} or a full host).
 *
 * <p>The simulated backend evaluates the rendered objects exactly (zero tolerance); real backends
 * send traffic from a client container in the source workload's pod and report statistical
 * tolerances with their answers.
 */
public interface Backend extends AutoCloseable {

    String name();

    /** Null when this backend can run here, else a one-line reason: its scenarios are then skipped. */
    default String unavailableReason() {
        return null;
    }

    /**
     * Provisions (or adopts) the clusters on first use and deploys the mesh and the sample workloads.
     * {@code separateRoots}: each cluster gets an independent root (the state before federation).
     */
    void deploy(MeshSpec spec, boolean separateRoots);

    /**
     * Edits the translation before the next deployment; only for negative tests that prove a
     * backend notices a broken translation. Backends that deploy through the stack program refuse.
     */
    default void editTranslation(java.util.function.UnaryOperator<io.meshfed.translate.MeshPlan> edit) {
        throw new UnsupportedOperationException("backend " + name() + " deploys through the stack program: its translation cannot be edited");
    }

    /** What to attach to the report when a scenario failed (pod status, events, logs…); empty by default. */
    default java.util.List<Attachment> diagnostics() {
        return java.util.List.of();
    }

    /** A report attachment. */
    record Attachment(String name, String mediaType, byte[] data) {
    }

    /**
     * The deployed mesh and this backend's answers for the scenario's HTML report, when giving them
     * is cheap (the simulator: yes); empty by default, and before deployment.
     */
    default java.util.Optional<MeshReport> meshReport() {
        return java.util.Optional.empty();
    }

    /** What the scenario's HTML report shows: the deployed plan and each judge's answers. */
    record MeshReport(io.meshfed.translate.MeshPlan plan, List<io.meshfed.report.JudgeAnswers> judges) {
    }

    /** Every pod of the workload answers 5xx from now on. */
    void markUnhealthy(WorkloadRef workload);

    /** Null when the certificate chains workloads of the two clusters present verify against one root, else why not. */
    String sharedRootProblem(String clusterA, String clusterB);

    /** The effective PeerAuthentication mode of the workload: STRICT, PERMISSIVE or DISABLE. */
    String mtlsMode(WorkloadRef workload);

    /** Null when the source's sidecar opens mTLS to the destination, else why not. */
    String mtlsProblem(WorkloadRef source, WorkloadRef destination);

    /** One request from the source to the destination workload's service. */
    CallAnswer call(WorkloadRef source, WorkloadRef destination, String method, String path);

    /** Where requests from the source to the host go: shares per (cluster, subset) or failure outcome. */
    SplitAnswer sampleSplit(WorkloadRef source, String host, Request request);

    /** One request from the source through a chain of hosts (each hop calls the next). */
    ChainAnswer callThrough(WorkloadRef source, List<String> hops, Request request);

    /** Tears down what this backend created for the scenario (clusters may outlive it, see the backend). */
    @Override
    void close();

    static String chosen() {
        String fromProperty = System.getProperty("MESHFED_BACKEND");
        String fromEnv = System.getenv("MESHFED_BACKEND");
        return fromProperty != null && !fromProperty.isBlank() ? fromProperty : fromEnv != null && !fromEnv.isBlank() ? fromEnv : "simulated";
    }
}
