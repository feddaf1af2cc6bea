package io.meshfed.scenarios.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The clusters and stack state of one run on a real backend, shared by its scenarios: created on the
 * first deployment, replaced when a scenario names other clusters, torn down at the end of the run
 * (Cucumber {@code @AfterAll}, and a JVM shutdown hook as a backstop) — also after failures — unless
 * {@code MESHFED_KEEP_CLUSTERS=true}. The temporary directory holds kubeconfigs, the Pulumi project
 * and its file state.
 *
 * <p>Several meshes may name the same clusters (the ambient and virtual-destinations stacks both use
 * cluster1 and cluster2): deploying a stack other than the one last deployed destroys that one
 * first, since two stacks installing Istio into the same clusters collide (Helm release names,
 * namespaces, root CA).
 */
public final class RealSession implements AutoCloseable {

    /** Runs the stack: {@code up} returns scalar outputs; {@code destroy} removes what it deployed. */
    public interface StackRunner {
        Map<String, String> up(String stack, String meshJson, String trustSeed) throws Exception;

        void destroy() throws Exception;
    }

    private final ClusterProvider provider;
    private final java.util.function.Function<Path, StackRunner> stacks;
    private final boolean keep;
    private final Consumer<String> log;
    private Path dir;
    private Teardown teardown;
    private List<String> clusterNames;
    private Map<String, ClusterAccess> clusters;
    private StackRunner stack;
    private String stackName;
    private final java.util.Set<String> registered = new java.util.HashSet<>();

    public RealSession(ClusterProvider provider, java.util.function.Function<Path, StackRunner> stacks, boolean keep, Consumer<String> log) {
        this.provider = provider;
        this.stacks = stacks;
        this.keep = keep;
        this.log = log;
    }

    public ClusterProvider provider() {
        return provider;
    }

    /** The clusters, provisioned now when the set differs from the current one (which is torn down first). */
    public synchronized Map<String, ClusterAccess> clusters(List<String> names) throws Exception {
        if (clusters != null && names.equals(clusterNames)) {
            return clusters;
        }
        try {
            close();
        } catch (RuntimeException e) {
            // every step ran and each failure was logged; the previous clusters' leftovers must not fail this deployment
            log.accept("teardown of the previous clusters was incomplete: " + e.getMessage());
        }
        dir = Files.createTempDirectory("meshfed-" + provider.name() + "-");
        teardown = new Teardown(keep, log);
        Path created = dir;
        teardown.add("temporary directory " + created, () -> deleteTree(created));
        clusterNames = List.copyOf(names);
        clusters = provider.provision(names, dir, teardown);
        return clusters;
    }

    /** Runs {@code up}; the stack's destroy is registered before, so a failed {@code up} is still cleaned up. */
    public synchronized Map<String, String> deploy(String stackName, String meshJson, String trustSeed) throws Exception {
        if (teardown == null) {
            throw new IllegalStateException("no clusters: call clusters() first");
        }
        if (stack == null) {
            stack = stacks.apply(dir.resolve("pulumi"));
            StackRunner runner = stack;
            teardown.add("pulumi stack (destroy)", runner::destroy);
        } else if (this.stackName != null && !this.stackName.equals(stackName)) {
            log.accept("destroying stack " + this.stackName + " before deploying " + stackName + " to the same clusters");
            stack.destroy();
        }
        this.stackName = stackName;
        return stack.up(stackName, meshJson, trustSeed);
    }

    /**
     * Registers the removal of something deployed into the current clusters besides the stack (the
     * sample workloads); it runs before the stack is destroyed and the clusters are removed. Once per
     * {@code what} for the current clusters.
     */
    public synchronized void onTeardown(String what, Teardown.Action action) {
        if (teardown == null) {
            throw new IllegalStateException("no clusters: call clusters() first");
        }
        if (registered.add(what)) {
            teardown.add(what, action);
        }
    }

    public synchronized Path directory() {
        return dir;
    }

    /** Tears everything down (or keeps it, logged); safe to call more than once. */
    @Override
    public synchronized void close() {
        Teardown t = teardown;
        teardown = null;
        clusters = null;
        clusterNames = null;
        stack = null;
        stackName = null;
        registered.clear();
        if (t != null) {
            t.close();
        }
    }

    static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
