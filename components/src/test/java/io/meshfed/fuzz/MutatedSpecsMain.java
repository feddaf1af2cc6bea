package io.meshfed.fuzz;

import java.util.Locale;

/**
 * The long run of {@link MutatedSpecsTest}, not part of {@code mvn verify}: {@code [cases=100000] [seed=20261130]}.
 * Prints progress, the counts per verdict and one example of every kind of crash; exits 1 on a crash.
 *
 * <pre>
 * ./mvnw -o -q -pl components test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp components/target/test-classes:components/target/classes:$(cat components/target/test-classpath.txt) \
 *     io.meshfed.fuzz.MutatedSpecsMain 100000
 * </pre>
 */
public final class MutatedSpecsMain {

    private MutatedSpecsMain() {
    }

    public static void main(String[] args) {
        long cases = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : MutatedSpecsTest.SEED;
        MutationRun run = new MutationRun(seed);
        long start = System.nanoTime();
        long step = Math.max(1, cases / 10);
        for (long from = 0; from < cases; from += step) {
            run.run(from, Math.min(cases, from + step));
            System.out.printf(Locale.ROOT, "%,d / %,d cases: %s%n", Math.min(cases, from + step), cases, run.summary());
        }
        System.out.printf(Locale.ROOT, "seed %d, %,d mutated specs in %.1f s: %s%n", seed, cases, (System.nanoTime() - start) / 1e9,
                run.summary());
        run.crashes().forEach(c -> System.out.println("\n" + c.describe()));
        run.lateReports().stream().limit(10).forEach(c -> System.out.println("\nreported after validation: " + c.describe()));
        System.exit(run.crashes().isEmpty() ? 0 : 1);
    }
}
