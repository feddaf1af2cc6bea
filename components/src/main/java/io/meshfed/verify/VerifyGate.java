package io.meshfed.verify;

import io.meshfed.spec.FederationGraph;
import io.meshfed.translate.MeshPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What makes {@code meshfed verify} fail, for CI to gate on: a pair of services that must be allowed
 * but is denied or cannot be reached ({@code --expect-allowed}), and a pair the spec federates
 * (the destination runs in the caller's cluster, or is exported from its cluster to the caller's)
 * that the rendered objects leave without a route or mTLS ({@code --fail-on-unreachable}). Pairs
 * are those of the reachability matrix: one workload per service, cluster and namespace.
 */
public final class VerifyGate {

    /** A service in one cluster and namespace, written {@code cluster/namespace/service}. */
    public record ServiceAt(String cluster, String namespace, String service) {

        public static ServiceAt parse(String text) {
            String[] parts = text.split("/", -1);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException("'" + text + "' is not cluster/namespace/service");
            }
            return new ServiceAt(parts[0], parts[1], parts[2]);
        }

        boolean is(Workload w) {
            return w.cluster().equals(cluster) && w.namespace().equals(namespace) && w.service().equals(service);
        }

        @Override
        public String toString() {
            return cluster + "/" + namespace + "/" + service;
        }
    }

    /** A pair that must be allowed, written {@code source:destination}. */
    public record Expectation(ServiceAt source, ServiceAt destination) {

        public static Expectation parse(String text) {
            String[] sides = text.split(":", -1);
            if (sides.length != 2) {
                throw new IllegalArgumentException("'" + text + "' is not SOURCE:DESTINATION (each cluster/namespace/service)");
            }
            return new Expectation(ServiceAt.parse(sides[0]), ServiceAt.parse(sides[1]));
        }
    }

    private final MeshSimulator sim;
    private final List<Workload> services;

    public VerifyGate(MeshPlan plan) {
        this.sim = new MeshSimulator(plan);
        this.services = VerifyReport.services(sim);
    }

    /** Throws {@link IllegalArgumentException} when an expectation names a service the spec does not declare there. */
    public List<String> failures(List<Expectation> expectAllowed, boolean failOnUnreachable) {
        List<String> failures = new ArrayList<>();
        for (Expectation e : expectAllowed) {
            Workload source = find(e.source());
            Workload destination = find(e.destination());
            String verdict = verdict(source, destination);
            if (verdict != null) {
                failures.add("expected allowed: " + e.source() + " -> " + e.destination() + ", but " + verdict);
            }
        }
        if (failOnUnreachable) {
            FederationGraph graph = new FederationGraph(sim.plan().spec());
            for (Workload source : services) {
                for (Workload destination : services) {
                    if (source != destination && graph.reachable(source.cluster(), destination.cluster(), destination.service(), destination.namespace())) {
                        String problem = sim.mtlsProblem(source, destination);
                        if (problem != null) {
                            failures.add("unreachable: " + source.describe() + " -> " + destination.describe() + " (federated by the spec): " + problem);
                        }
                    }
                }
            }
        }
        return failures;
    }

    /** Null when the request is allowed over mTLS, else what the matrix says instead. */
    private String verdict(Workload source, Workload destination) {
        String mtls = sim.mtlsProblem(source, destination);
        if (mtls != null) {
            return "no mTLS: " + mtls;
        }
        AccessDecision decision = sim.access(source, destination, "GET", "/");
        return decision.allowed() ? null : decision.reason();
    }

    private Workload find(ServiceAt at) {
        Optional<Workload> found = services.stream().filter(at::is).findFirst();
        return found.orElseThrow(() -> new IllegalArgumentException("no service " + at.service() + " in " + at.cluster() + "/"
                + at.namespace() + " is declared in the spec"));
    }
}
