package io.meshfed.scenarios;

import io.meshfed.spec.MeshSpec;

/** Per-scenario state shared by the step classes (picocontainer injects one per scenario). */
public class MeshWorld {
    MeshSpec spec;
    boolean separateRoots;
    boolean deployed;
    Backend backend;
    io.cucumber.java.Scenario scenario;

    Backend deployed() {
        if (!deployed) {
            throw new IllegalStateException("the mesh is not deployed: add \"When the mesh is deployed\"");
        }
        return backend;
    }
}
