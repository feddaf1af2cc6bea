package io.meshfed.scenarios.real;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Provisions (k3s, kind) or adopts (kubeconfig) the clusters a mesh names. */
public interface ClusterProvider {

    String name();

    /**
     * Makes the named clusters reachable; writes kubeconfig files into {@code dir}; registers with
     * {@code teardown} how to remove every cluster, network or object it created (and only those).
     */
    Map<String, ClusterAccess> provision(List<String> clusters, Path dir, Teardown teardown) throws Exception;
}
