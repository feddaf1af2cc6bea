package io.meshfed.scenarios.real;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a real backend created, undone in reverse order when the run ends — also after a failure,
 * and every step even when an earlier one throws. Only what was registered here is undone: adopted
 * clusters ({@code kubeconfig} backend) are never registered, so never deleted. With
 * {@code MESHFED_KEEP_CLUSTERS=true} nothing is undone and each kept item is logged.
 */
public final class Teardown implements AutoCloseable {

    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private record Step(String what, Action action) {
    }

    private final boolean keep;
    private final Consumer<String> log;
    private final Deque<Step> steps = new ArrayDeque<>();
    private boolean closed;

    public Teardown(boolean keep, Consumer<String> log) {
        this.keep = keep;
        this.log = log;
    }

    /** {@code MESHFED_KEEP_CLUSTERS} (system property or environment) is {@code true}. */
    public static boolean keepRequested() {
        String v = System.getProperty("MESHFED_KEEP_CLUSTERS", System.getenv("MESHFED_KEEP_CLUSTERS"));
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
    }

    /** Whether this teardown keeps everything ({@code MESHFED_KEEP_CLUSTERS}). */
    public boolean keeps() {
        return keep;
    }

    public synchronized void add(String what, Action action) {
        if (closed) {
            throw new IllegalStateException("teardown already ran; cannot register " + what);
        }
        steps.push(new Step(what, action));
    }

    public synchronized List<String> pending() {
        return steps.stream().map(Step::what).toList();
    }

    /** Runs every step (last registered first); throws at the end if any failed, naming them all. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<String> failures = new ArrayList<>();
        RuntimeException first = null;
        while (!steps.isEmpty()) {
            Step s = steps.pop();
            if (keep) {
                log.accept("kept (MESHFED_KEEP_CLUSTERS): " + s.what());
                continue;
            }
            try {
                s.action().run();
                log.accept("removed: " + s.what());
            } catch (Exception e) {
                failures.add(s.what() + ": " + e.getMessage());
                log.accept("teardown failed: " + s.what() + ": " + e);
                if (first == null) {
                    first = new IllegalStateException("teardown failed: " + s.what(), e);
                }
            }
        }
        if (first != null) {
            IllegalStateException all = new IllegalStateException("teardown failed for " + failures.size() + " item(s): " + failures);
            all.addSuppressed(first);
            throw all;
        }
    }
}
