package io.meshfed.scenarios;

import io.meshfed.spec.MeshSpec;
import io.meshfed.verify.MeshSimulator;

/** Per-scenario state shared by the step classes (picocontainer injects one per scenario). */
public class MeshWorld {
    MeshSpec spec;
    boolean separateRoots;
    MeshSimulator mesh;
    Backend backend;

    MeshSimulator deployed() {
        if (mesh == null) {
            throw new IllegalStateException("the mesh is not deployed: add \"When the mesh is deployed\"");
        }
        return mesh;
    }
}
