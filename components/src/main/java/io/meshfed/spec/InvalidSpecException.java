package io.meshfed.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A user mistake in the mesh spec: carries every problem found, each with its field path. */
public final class InvalidSpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidSpecException(List<Problem> problems) {
        super(report(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String report(List<Problem> problems) {
        String header = "invalid mesh spec (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
