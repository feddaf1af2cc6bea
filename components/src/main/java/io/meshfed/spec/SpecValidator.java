package io.meshfed.spec;

import java.util.List;

/**
 * Checks a parsed spec as a whole before anything is produced: every entry present, names and
 * values in the syntax Kubernetes, SPIFFE and Istio accept, uniqueness, references between
 * sections, weights, durations and the rules Istio would otherwise only reveal at run time.
 * Translation, trust and the simulator assume all of it, so this is the one gate a spec passes.
 * It reports every problem at once and never throws for a spec's content.
 */
public final class SpecValidator {

    private final MeshSpec spec;
    private final FederationGraph graph;
    private final Problems problems = new Problems();

    private SpecValidator(MeshSpec spec) {
        this.spec = spec;
        this.graph = new FederationGraph(spec);
    }

    public static List<Problem> validate(MeshSpec spec) {
        SpecValidator validator = new SpecValidator(spec);
        validator.run();
        return validator.problems.all();
    }

    public static void requireValid(MeshSpec spec) {
        List<Problem> problems = validate(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
    }

    private void run() {
        References references = new References(graph, problems);
        problems.dnsLabel("name", spec.name());
        new ClusterRules(spec, problems).check();
        new IstioRules(spec, references, problems).check();
        new AmbientRules(spec, problems).check();
        new TrustRules(spec.trust(), problems).check();
        new ServiceRules(spec, references, problems).check();
        new FederationRules(graph, references, problems).check();
        new AccessRules(graph, references, problems).check();
        new TrafficRules(graph, references, problems).check();
        new FailoverRules(spec, references, problems).check();
    }
}
