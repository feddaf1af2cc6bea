package io.meshfed.scenarios.controlplane;

import io.meshfed.judge.istio.IstioJudge;
import io.meshfed.scenarios.IstioBackend;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.MeshPlan;
import org.opentest4j.TestAbortedException;

/**
 * {@code MESHFED_BACKEND=control-plane}: everything but the data plane is the real thing. Per cluster
 * of the spec a kube-apiserver (over one etcd); the stack program applied by a real {@code pulumi up}
 * (Automation API, Istio's charts from a local folder, the Kubernetes provider built from its module);
 * the sample workloads written as kubelet and the EndpointSlice controller would ({@link KubeletStandIn});
 * istiod per cluster, run as its Deployment says ({@link LocalIstiod}); every proxy's configuration
 * read from that istiod over xDS ({@link XdsClient}) and judged by the istio backend's Envoy evaluator.
 * No Envoy, no pods, no kubelet: requests are judged on the configuration, not sent.
 */
public final class ControlPlaneBackend extends IstioBackend {

    private final ControlPlaneParts parts = ControlPlaneParts.locate();

    @Override
    public String name() {
        return "control-plane";
    }

    @Override
    public String unavailableReason() {
        return ControlPlaneEnvironment.unavailableReason(parts);
    }

    @Override
    public void editTranslation(java.util.function.UnaryOperator<MeshPlan> edit) {
        throw new UnsupportedOperationException("backend control-plane deploys through the stack program: its translation cannot be edited");
    }

    @Override
    protected MeshPlan translate(MeshSpec spec, boolean separateRoots) {
        if (spec.istio().ambient()) {
            throw new TestAbortedException("backend control-plane: ambient meshes need ztunnel's delta xDS (Address/Authorization), which its xDS client does not read yet");
        }
        return ControlPlaneEnvironment.shared(parts).deploy(spec, separateRoots).plan();
    }

    /** The mTLS steps handshake with certificates the clusters' running istiods issue (CSR + service-account token). */
    @Override
    protected io.meshfed.judge.istio.IstioAnswers answers(IstioJudge deployed) {
        return new io.meshfed.judge.istio.IstioAnswers(deployed, ControlPlaneEnvironment.shared(parts)::handshakeProblem);
    }

    @Override
    public java.util.List<Attachment> diagnostics() {
        return ControlPlaneEnvironment.shared(parts).diagnostics();
    }

    @Override
    protected IstioJudge judge(MeshPlan deployed) {
        return ControlPlaneEnvironment.shared(parts).judge(deployed);
    }
}
