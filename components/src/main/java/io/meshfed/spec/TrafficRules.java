package io.meshfed.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation of traffic policies: references, reachability of every split, weights and timings. */
final class TrafficRules {

    /** The retryOn conditions Istio accepts besides HTTP status codes (pilot/pkg/config/validation supportedRetryOnPolicies). */
    static final List<String> RETRY_ON = List.of("5xx", "gateway-error", "reset", "reset-before-request", "connect-failure",
            "envoy-ratelimited", "retriable-4xx", "refused-stream", "retriable-status-codes", "retriable-headers",
            "http3-post-connect-failure", "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable");

    private final MeshSpec spec;
    private final Problems problems;
    private final FederationGraph graph;
    private final References references;

    TrafficRules(FederationGraph graph, References references, Problems problems) {
        this.spec = graph.spec();
        this.problems = problems;
        this.graph = graph;
        this.references = references;
    }

    void check() {
        Set<String> names = new HashSet<>();
        Set<String> destinations = new HashSet<>();
        for (int i = 0; i < spec.traffic().size(); i++) {
            TrafficPolicySpec t = spec.traffic().get(i);
            String path = "traffic[" + i + "]";
            if (!problems.present(path, t)) {
                continue;
            }
            problems.dnsLabel(path + ".name", t.name());
            if (t.name() != null && !names.add(t.name())) {
                problems.add(path + ".name", "duplicate traffic policy name '" + t.name() + "'");
            }
            problems.distinct(path + ".sourceClusters", t.sourceClusters(), "cluster");
            for (int c = 0; c < t.sourceClusters().size(); c++) {
                references.knownCluster(path + ".sourceClusters[" + c + "]", t.sourceClusters().get(c), false);
            }
            if (!problems.required(path + ".destination", t.destination())
                    || !references.knownService(path + ".destination", t.destination())) {
                continue;
            }
            ServiceRef dest = t.destination();
            if (!destinations.add(dest.namespace() + "/" + dest.service())) {
                problems.add(path + ".destination", "another traffic policy already routes " + dest.service() + "." + dest.namespace()
                        + "; put all its routes, in order, into one policy");
            }
            List<String> sources = graph.sourceClusters(t).stream().filter(c -> c != null && graph.cluster(c).isPresent()).toList();
            if (t.routes().isEmpty()) {
                problems.add(path + ".routes", "at least one route is required");
            }
            for (int r = 0; r < t.routes().size(); r++) {
                if (problems.present(path + ".routes[" + r + "]", t.routes().get(r))) {
                    route(path + ".routes[" + r + "]", t.routes().get(r), dest, sources);
                }
            }
        }
    }

    private void route(String path, RouteSpec route, ServiceRef dest, List<String> sources) {
        if (route.name() != null) {
            problems.dnsLabel(path + ".name", route.name());
        }
        if (route.match() != null) {
            route.match().headers().forEach((header, match) -> {
                if (!Syntax.headerName(header)) {
                    problems.add(path + ".match.headers." + header, "'" + Problems.shown(header)
                            + "' is not an HTTP header name (letters, digits, '-' and '_')");
                }
                stringMatch(path + ".match.headers." + header, match);
            });
            if (route.match().uri() != null) {
                stringMatch(path + ".match.uri", route.match().uri());
            }
        }
        problems.duration(path + ".timeout", route.timeout());
        if (route.retries() != null) {
            retries(path + ".retries", route.retries());
        }
        if (route.fault() != null) {
            fault(path + ".fault", route.fault());
        }
        split(path, route, dest, sources);
    }

    private void retries(String path, RetrySpec retries) {
        if (retries.attempts() == null || retries.attempts() < 0) {
            problems.add(path + ".attempts", "required, 0 or more");
        }
        problems.duration(path + ".perTryTimeout", retries.perTryTimeout());
        if (retries.retryOn() != null) {
            for (String condition : retries.retryOn().split(",", -1)) {
                if (!RETRY_ON.contains(condition) && !condition.matches("[1-5]\\d\\d")) {
                    problems.add(path + ".retryOn", "'" + Problems.shown(condition) + "' is not a retry condition: use HTTP status codes or "
                            + String.join(", ", RETRY_ON) + ", separated by commas");
                    break;
                }
            }
        }
    }

    private void split(String path, RouteSpec route, ServiceRef dest, List<String> sources) {
        if (route.split().isEmpty()) {
            problems.add(path + ".split", "at least one destination is required");
            return;
        }
        int sum = 0;
        boolean weightsValid = true;
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < route.split().size(); s++) {
            SplitSpec split = route.split().get(s);
            String splitPath = path + ".split[" + s + "]";
            if (!problems.present(splitPath, split)) {
                weightsValid = false;
                continue;
            }
            Integer weight = split.weight();
            if (weight == null && route.split().size() == 1) {
                weight = 100;
            }
            if (weight == null) {
                problems.add(splitPath + ".weight", "required when a route splits across several destinations");
                weightsValid = false;
            } else if (weight < 0 || weight > 100) {
                problems.add(splitPath + ".weight", "must be between 0 and 100, was " + weight);
                weightsValid = false;
            } else {
                sum += weight;
            }
            if (!seen.add(split.cluster() + "/" + split.subset())) {
                problems.add(splitPath, "duplicate destination (" + (split.cluster() == null ? "any cluster" : "cluster " + split.cluster())
                        + ", " + (split.subset() == null ? "any subset" : "subset " + split.subset()) + ")");
            }
            destination(splitPath, split, dest, sources);
        }
        if (weightsValid && sum != 100) {
            problems.add(path + ".split", "weights must sum to 100, they sum to " + sum);
        }
    }

    private void destination(String path, SplitSpec split, ServiceRef dest, List<String> sources) {
        List<ServiceSpec> backings = graph.backings(dest.service(), dest.namespace());
        if (split.cluster() != null) {
            if (!references.knownCluster(path + ".cluster", split.cluster(), true)) {
                return;
            }
            if (spec.ambient()) {
                problems.add(path + ".cluster", "cluster-level splits need istio.mode: sidecar; in ambient mode split by subset");
                return;
            }
            if (backings.stream().noneMatch(b -> split.cluster().equals(b.cluster()))) {
                problems.add(path + ".cluster", "cluster '" + split.cluster() + "' does not declare service " + dest.service() + "." + dest.namespace());
                return;
            }
            for (String source : sources) {
                if (!graph.reachable(source, split.cluster(), dest.service(), dest.namespace())) {
                    problems.add(path + ".cluster", "service " + dest.service() + "." + dest.namespace() + " in cluster '" + split.cluster()
                            + "' is not reachable from source cluster '" + source + "' (export it in federation.exports)");
                }
            }
        }
        if (split.subset() != null) {
            List<ServiceSpec> candidates = split.cluster() == null ? backings
                    : backings.stream().filter(b -> split.cluster().equals(b.cluster())).toList();
            if (candidates.stream().noneMatch(b -> b.versions().contains(split.subset()))) {
                problems.add(path + ".subset", "unknown subset '" + split.subset() + "' of service " + dest.service() + "." + dest.namespace()
                        + (split.cluster() == null ? "" : " in cluster '" + split.cluster() + "'"));
            }
            versionServiceName(path + ".subset", dest, split.subset());
        }
    }

    /** Ambient routes split by subset through a Service {@code <service>-<subset>}, which must not be a declared service's name. */
    private void versionServiceName(String path, ServiceRef dest, String subset) {
        String name = dest.service() + "-" + subset;
        if (spec.ambient() && !graph.backings(name, dest.namespace()).isEmpty()) {
            problems.add(path, "in ambient mode this split renders the Service " + dest.namespace() + "/" + name
                    + ", which services also declares; rename the version or that service");
        }
    }

    private void stringMatch(String path, StringMatchSpec match) {
        if (match == null || match.kindsSet() != 1) {
            problems.add(path, "set exactly one of exact, prefix or regex");
        } else if (match.regex() != null) {
            String problem = Syntax.regexProblem(match.regex());
            if (problem != null) {
                problems.add(path + ".regex", "'" + Problems.shown(match.regex()) + "' " + problem);
            }
        }
    }

    private void fault(String path, FaultSpec fault) {
        if (fault.delay() == null && fault.abort() == null) {
            problems.add(path, "set a delay, an abort or both");
        }
        if (fault.delay() != null) {
            if (problems.required(path + ".delay.fixedDelay", fault.delay().fixedDelay())) {
                problems.duration(path + ".delay.fixedDelay", fault.delay().fixedDelay());
            }
            problems.percent(path + ".delay.percent", fault.delay().percent());
        }
        if (fault.abort() != null) {
            Integer status = fault.abort().httpStatus();
            if (status == null || status < 200 || status > 599) {
                problems.add(path + ".abort.httpStatus", "must be an HTTP status between 200 and 599, was " + status);
            }
            problems.percent(path + ".abort.percent", fault.abort().percent());
        }
    }
}
