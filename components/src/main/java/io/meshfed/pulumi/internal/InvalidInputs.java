package io.meshfed.pulumi.internal;

import io.meshfed.pulumi.InvalidInputsException;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.Problem;
import io.meshfed.spec.SpecValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates the mesh spec a typed component assembled from its inputs and reports every problem at
 * the component's own input path: {@code traffic[2].routes[0].split} becomes {@code routes[0].split}
 * of that TrafficPolicy. Prefixes are tried longest first; a problem outside every prefix keeps its
 * spec path behind {@code mesh:}.
 */
public final class InvalidInputs {

    private final String component;
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private final List<Problem> extra = new ArrayList<>();

    public InvalidInputs(String type, String name) {
        this.component = type.substring(type.lastIndexOf(':') + 1) + " '" + name + "'";
    }

    /** Problems under {@code specPrefix} are reported under {@code inputPrefix} ("" for the top level). */
    public InvalidInputs map(String specPrefix, String inputPrefix) {
        prefixes.put(specPrefix, inputPrefix);
        return this;
    }

    /** A problem found by the component itself, at an input path. */
    public InvalidInputs add(String inputPath, String message) {
        extra.add(new Problem(inputPath, message));
        return this;
    }

    public void throwIfAny() {
        if (!extra.isEmpty()) {
            throw new InvalidInputsException(component, extra);
        }
    }

    /** Throws {@link InvalidInputsException} with the component's own problems and the spec's, mapped. */
    public void requireValid(MeshSpec spec) {
        List<Problem> problems = new ArrayList<>(extra);
        if (problems.isEmpty()) {
            SpecValidator.validate(spec).forEach(p -> problems.add(new Problem(inputPath(p.path()), p.message())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputsException(component, problems);
        }
    }

    String inputPath(String specPath) {
        String best = null;
        for (String prefix : prefixes.keySet()) {
            boolean matches = specPath.equals(prefix) || specPath.startsWith(prefix + ".") || specPath.startsWith(prefix + "[");
            if (matches && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            return "mesh: " + specPath;
        }
        String rest = specPath.substring(best.length());
        String target = prefixes.get(best);
        if (target.isEmpty()) {
            return rest.startsWith(".") ? rest.substring(1) : rest.isEmpty() ? "(this component)" : rest;
        }
        return target + rest;
    }
}
