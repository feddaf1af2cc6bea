package io.meshfed.judge.istio;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the {@code istio-oracle} binary built from scenarios/istio-oracle (Istio's control plane
 * as a library): {@code -Dmeshfed.istio.oracle} or {@code MESHFED_ISTIO_ORACLE}, else
 * {@code scenarios/istio-oracle/bin/istio-oracle} in the working directory or one of its parents.
 */
public final class OracleBinary {

    static final String RELATIVE = "scenarios/istio-oracle/bin/istio-oracle";
    static final String BUILD_HINT = "build it with scenarios/istio-oracle/build.sh (needs Go and the Go module proxy)";

    private OracleBinary() {
    }

    /** The binary, or null when it is not built. */
    public static Path find() {
        String configured = System.getProperty("meshfed.istio.oracle", System.getenv("MESHFED_ISTIO_ORACLE"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? p.toAbsolutePath() : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Null when the judge's tests and scenarios must run, else why they skip: never under CI
     * ({@code CI=true}), where every backend the machine can run must run and a missing binary fails.
     */
    public static String skipReason() {
        return "true".equals(System.getenv("CI")) ? null : unavailableReason();
    }

    /** Null when the judge can run, else one line saying why not. */
    public static String unavailableReason() {
        return find() != null ? null : "the istio judge is not built (" + RELATIVE + " is missing): " + BUILD_HINT;
    }
}
