package io.meshfed.scenarios;

import io.meshfed.translate.MeshPlan;
import io.meshfed.verify.MeshSimulator;

/** Evaluates the rendered objects with Istio's semantics; needs no cluster. */
public final class SimulatedBackend implements Backend {

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public MeshSimulator deploy(MeshPlan plan) {
        return new MeshSimulator(plan);
    }
}
