package io.meshfed.pulumi;

import java.nio.file.Path;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * How a program's components reach the clusters, beyond the mesh spec: where Istio's Helm charts
 * come from and whether Pulumi waits for objects to become ready. Defaults serve real clusters (the
 * spec's chart repository, Pulumi's readiness checks). Control planes without nodes (the
 * {@code control-plane} backend: API servers and istiod, no kubelet) install the charts from a local
 * folder (Helm's local chart path: {@code <folder>/<chart>}) and skip readiness, which no pod would
 * ever reach there, and delete in the background (no garbage collector would finish a foreground
 * deletion). Like {@link TrustSources}, installed once by the program before it builds components:
 * these are not schema data. The stack program reads them from {@code meshfed:istioChartsDirectory}
 * and {@code meshfed:skipAwait}.
 */
public final class DeploymentOptions {

    /** The annotation pulumi-kubernetes reads (pkg/metadata/annotations.go AnnotationSkipAwait). */
    public static final String SKIP_AWAIT_ANNOTATION = "pulumi.com/skipAwait";
    /**
     * pulumi-kubernetes deletes with Foreground propagation unless told otherwise (pkg/metadata/overrides.go
     * DeletionPropagation): the API server then parks the object behind a {@code foregroundDeletion}
     * finalizer that only the garbage collector of kube-controller-manager removes.
     */
    public static final String DELETION_PROPAGATION_ANNOTATION = "pulumi.com/deletionPropagationPolicy";

    private static volatile DeploymentOptions current = new DeploymentOptions(null, false);

    private final @Nullable Path chartsDirectory;
    private final boolean skipAwait;

    public DeploymentOptions(@Nullable Path chartsDirectory, boolean skipAwait) {
        this.chartsDirectory = chartsDirectory == null ? null : chartsDirectory.toAbsolutePath().normalize();
        this.skipAwait = skipAwait;
    }

    public static void use(DeploymentOptions options) {
        current = Objects.requireNonNull(options, "options");
    }

    public static void reset() {
        current = new DeploymentOptions(null, false);
    }

    public static DeploymentOptions current() {
        return current;
    }

    /** The folder holding one sub-folder per chart ({@code base}, {@code istiod}, {@code gateway}…), or null for the repository. */
    public @Nullable Path chartsDirectory() {
        return chartsDirectory;
    }

    public boolean skipAwait() {
        return skipAwait;
    }
}
