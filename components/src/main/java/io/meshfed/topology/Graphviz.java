package io.meshfed.topology;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Graphviz's {@code dot}, run as a process to lay out a DOT diagram as SVG. {@link #find()} is
 * empty when {@code dot} is not on the PATH (Debian: {@code apt-get install graphviz}).
 */
public final class Graphviz {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path dot;

    public Graphviz(Path dot) {
        this.dot = dot;
    }

    public static Optional<Graphviz> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "dot");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Graphviz(candidate));
            }
        }
        return Optional.empty();
    }

    /** The one-line reason shown where a picture would be when Graphviz is absent. */
    public static String unavailableReason() {
        return "Graphviz's dot is not on the PATH (apt-get install graphviz), so the diagram is shown as DOT source";
    }

    /** The diagram laid out as an SVG document (without the XML prolog, ready to inline in HTML). */
    public String svg(String dotSource) {
        try {
            Path dir = Files.createTempDirectory("meshfed-dot");
            try {
                Path in = Files.writeString(dir.resolve("mesh.dot"), dotSource, StandardCharsets.UTF_8);
                Path out = dir.resolve("mesh.svg");
                Path err = dir.resolve("dot.err");
                Process process = new ProcessBuilder(dot.toString(), "-Tsvg", "-o" + out, in.toString())
                        .redirectErrorStream(false).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("dot did not finish within " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("dot failed (exit " + process.exitValue() + "): " + Files.readString(err).strip());
                }
                String svg = Files.readString(out, StandardCharsets.UTF_8);
                int start = svg.indexOf("<svg");
                return start < 0 ? svg : svg.substring(start);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + dot + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dot ran", e);
        }
    }
}
