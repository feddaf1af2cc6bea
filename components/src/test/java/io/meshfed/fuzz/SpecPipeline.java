package io.meshfed.fuzz;

import io.meshfed.render.Renderer;
import io.meshfed.spec.InvalidSpecException;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.Problem;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.Examples;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Translator;
import io.meshfed.trust.MeshTrustSource;
import io.meshfed.verify.VerifyReport;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What a user's spec goes through: load (parse and validate), translate with the mesh's trust,
 * render every file and verify with the simulator. The property: it succeeds, or it stops with
 * {@link InvalidSpecException} naming at least one problem, each at a field path; anything else is a crash.
 */
final class SpecPipeline {

    /**
     * VALID: through the whole pipeline; REPORTED: refused by load (parse and validation); REPORTED_LATER:
     * refused with field paths by trust or translation, which the validator should have caught; CRASHED: anything else.
     */
    enum Verdict { VALID, REPORTED, REPORTED_LATER, CRASHED }

    record Outcome(Verdict verdict, String detail) {

        static Outcome crash(Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            return new Outcome(Verdict.CRASHED, trace.toString());
        }

        /** The exception type and the first frame, which groups crashes of one cause. */
        String signature() {
            String[] lines = detail.split("\n");
            String first = lines.length > 1 ? lines[1].trim() : "";
            return lines[0].replaceAll(":.*", "") + " " + first;
        }
    }

    /** Class names, exceptions and Jackson's backquoted types have no place in a report to users. */
    private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile("java\\.|io\\.meshfed|Exception|`");

    private SpecPipeline() {
    }

    static Outcome run(String yaml) {
        MeshSpec spec;
        try {
            spec = SpecLoader.load(yaml, "fuzz.yaml");
        } catch (InvalidSpecException e) {
            return reported(e, Verdict.REPORTED);
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.crash(e);
        }
        try {
            MeshPlan plan = Translator.translate(spec, MeshTrustSource.of(spec, Examples.SEED));
            new Renderer(true).render(plan);
            VerifyReport.render(plan);
            return new Outcome(Verdict.VALID, "");
        } catch (InvalidSpecException e) {
            return reported(e, Verdict.REPORTED_LATER);
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.crash(e);
        }
    }

    private static Outcome reported(InvalidSpecException e, Verdict verdict) {
        if (e.problems().isEmpty()) {
            return new Outcome(Verdict.CRASHED, "InvalidSpecException without a problem");
        }
        for (Problem p : e.problems()) {
            if (p.path() == null || p.path().isBlank() || p.message() == null || p.message().isBlank()) {
                return new Outcome(Verdict.CRASHED, "InvalidSpecException: a problem without a field path or message: " + p);
            }
            if (INTERNALS.matcher(p.toString()).find()) {
                return new Outcome(Verdict.CRASHED, "InvalidSpecException: a problem that speaks of Java internals: " + p);
            }
        }
        return new Outcome(verdict, e.getMessage());
    }
}
