package io.meshfed.scenarios;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures the wall time of a Cucumber run and prints it with the scenario counts per status, also
 * writing it to the file given as the plugin argument (e.g.
 * {@code io.meshfed.scenarios.WallTimePlugin:target/acceptance-walltime.txt}).
 */
public final class WallTimePlugin implements ConcurrentEventListener {

    private final Path out;
    private final Map<Status, Integer> counts = new ConcurrentHashMap<>();
    private Instant started;

    public WallTimePlugin() {
        this(null);
    }

    public WallTimePlugin(String file) {
        this.out = file == null ? null : Path.of(file);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, e -> started = e.getInstant());
        publisher.registerHandlerFor(TestCaseFinished.class, e -> counts.merge(e.getResult().getStatus(), 1, Integer::sum));
        publisher.registerHandlerFor(TestRunFinished.class, this::finished);
    }

    private void finished(TestRunFinished e) {
        Duration wall = Duration.between(started, e.getInstant());
        String line = String.format("meshfed acceptance (backend %s): %s in %.2f s wall time", Backend.chosen(), new TreeMap<>(counts), wall.toMillis() / 1000.0);
        System.out.println(line);
        if (out != null) {
            try {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, line + "\n");
            } catch (IOException io) {
                System.err.println("cannot write " + out + ": " + io);
            }
        }
    }
}
