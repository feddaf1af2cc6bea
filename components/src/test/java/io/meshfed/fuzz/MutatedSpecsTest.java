package io.meshfed.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Mutated example specs either pass the whole pipeline or are reported with field paths: never a
 * crash. A fixed seed keeps the run repeatable; {@code MutatedSpecsMain} runs the long version.
 */
class MutatedSpecsTest {

    static final long SEED = 20_261_130L;
    private static final int CASES = Integer.getInteger("meshfed.fuzz.cases", 3000);

    @Test
    void theSeedsThatSetEveryFieldPassThePipelineUnmutated() {
        for (String seed : SeedSpecs.EVERY_FIELD) {
            SpecPipeline.Outcome outcome = SpecPipeline.run(SeedSpecs.resourceText(seed));
            assertEquals(SpecPipeline.Verdict.VALID, outcome.verdict(), () -> seed + ": " + outcome.detail());
        }
    }

    @Test
    void noMutatedSpecCrashesThePipeline() {
        MutationRun run = new MutationRun(SEED);
        run.run(0, CASES);
        assertTrue(run.crashes().isEmpty(), () -> run.summary() + "\n" + run.crashes().stream().limit(5)
                .map(MutationRun.Crash::describe).collect(Collectors.joining("\n\n")));
        assertTrue(run.count(SpecPipeline.Verdict.VALID) > CASES / 20, "the mutations leave many specs valid: " + run.summary());
        assertTrue(run.count(SpecPipeline.Verdict.REPORTED) > CASES / 5, "and make many invalid: " + run.summary());
    }
}
