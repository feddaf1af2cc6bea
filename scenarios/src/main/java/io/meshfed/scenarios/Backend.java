package io.meshfed.scenarios;

import io.meshfed.verify.MeshSimulator;
import io.meshfed.translate.MeshPlan;

/**
 * Where a feature runs. Chosen by system property or environment variable {@code MESHFED_BACKEND}
 * ({@code simulated} by default); steps talk only to this interface.
 */
public interface Backend {

    String name();

    /** Deploys the translated mesh and returns the simulator view the assertions use. */
    MeshSimulator deploy(MeshPlan plan);

    static String chosen() {
        String fromProperty = System.getProperty("MESHFED_BACKEND");
        String fromEnv = System.getenv("MESHFED_BACKEND");
        return fromProperty != null ? fromProperty : fromEnv != null ? fromEnv : "simulated";
    }
}
