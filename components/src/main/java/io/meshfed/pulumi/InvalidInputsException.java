package io.meshfed.pulumi;

import io.meshfed.spec.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Inputs of a typed component that do not make a valid mesh: every problem, each at the path of the
 * component input it concerns, found before the component registers any child resource.
 */
public final class InvalidInputsException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidInputsException(String component, List<Problem> problems) {
        super(report(component, problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String report(String component, List<Problem> problems) {
        String header = "invalid inputs of " + component + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
