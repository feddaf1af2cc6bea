package io.meshfed.judge.istio;

import io.meshfed.judge.HttpRequest;
import io.meshfed.translate.MeshPlan;
import io.meshfed.trust.AcceptedPeers;
import io.meshfed.verify.Workload;
import io.meshfed.verify.WorkloadMtls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The questions meshfed asks of a mesh (does a reach b over mTLS, is a call allowed, where does
 * traffic go), answered from Istio's generated Envoy config by {@link IstioJudge}. The acceptance
 * backend and {@code meshfed verify --judge istio} both ask here.
 */
public final class IstioAnswers {

    /**
     * The real handshake behind an mTLS answer, once the generated config says both sides would
     * accept each other: null when it succeeds, else why not.
     */
    @FunctionalInterface
    public interface Handshake {
        String problem(Workload source, Workload destination, Set<String> clientAccepts, AcceptedPeers serverAccepts);
    }

    private final IstioJudge judge;
    private final Handshake handshake;

    /** Handshakes with certificates issued from the rendered {@code cacerts} ({@link WorkloadMtls}). */
    public IstioAnswers(IstioJudge judge) {
        this(judge, new WorkloadMtls(judge.plan())::handshakeProblem);
    }

    /** Handshakes as {@code handshake} does them (e.g. with certificates a running istiod issued). */
    public IstioAnswers(IstioJudge judge, Handshake handshake) {
        this.judge = judge;
        this.handshake = handshake;
    }

    public IstioJudge judge() {
        return judge;
    }

    private MeshPlan plan() {
        return judge.plan();
    }

    /** The host a client uses for the destination: its service name at home, its global host from another cluster. */
    public String hostFor(Workload source, Workload destination) {
        if (source.cluster().equals(destination.cluster())) {
            return destination.service() + "." + destination.namespace() + ".svc.cluster.local";
        }
        return destination.service() + "." + destination.namespace() + "." + plan().spec().globalHostSuffix();
    }

    private List<Leg> legsTo(Workload source, Workload destination, String method, String path) {
        String host = hostFor(source, destination);
        return judge.paths(source, host, HttpRequest.of(method, host, path));
    }

    private static boolean servedBy(Leg leg, Workload destination) {
        return leg.servedBy() != null && !leg.servedBy().gateway() && leg.servedBy().workload().cluster().equals(destination.cluster())
                && leg.servedBy().workload().namespace().equals(destination.namespace())
                && leg.servedBy().workload().service().equals(destination.service());
    }

    /**
     * Null when requests from the source reach the destination over Istio mTLS (the generated TLS
     * contexts accept both identities) and a real handshake succeeds (by default with certificates
     * from the rendered cacerts), else why not.
     */
    public String mtlsProblem(Workload source, Workload destination) {
        List<Leg> legs = legsTo(source, destination, "GET", "/");
        List<Leg> reaching = legs.stream().filter(l -> servedBy(l, destination)).toList();
        if (reaching.isEmpty()) {
            return "no request from " + source.describe() + " to " + hostFor(source, destination) + " reaches " + destination.describe()
                    + ": " + summary(legs);
        }
        if (reaching.stream().noneMatch(Leg::mtls)) {
            return source.describe() + " reaches " + destination.describe() + " in plaintext: " + reaching.get(0).hops();
        }
        Workload served = reaching.stream().filter(Leg::mtls).findFirst().orElseThrow().servedBy().workload();
        return handshake.problem(source, served, Set.of(served.spiffeId()), AcceptedPeers.exactly(Set.of(source.spiffeId())));
    }

    /**
     * One request's outcome at the destination. When no route leads there from the source, the
     * destination's inbound RBAC is still asked, for a request carrying the source's identity.
     */
    public Leg call(Workload source, Workload destination, String method, String path) {
        List<Leg> legs = legsTo(source, destination, method, path);
        List<Leg> reaching = legs.stream().filter(l -> servedBy(l, destination)).toList();
        if (reaching.isEmpty()) {
            Leg direct = judge.authorize(source, destination, method, path);
            return new Leg(direct.share(), direct.servedBy(), direct.status(), direct.reason() + " (authorization at "
                    + destination.describe() + "'s inbound listener; " + source.describe() + " has no route there: " + summary(legs) + ")",
                    direct.mtls(), direct.delay(), direct.hops());
        }
        return reaching.stream().filter(Leg::ok).findFirst().orElse(reaching.get(0));
    }

    /**
     * Percent per {@code cluster/version} the requests are delivered to; failures under
     * {@code -/<status> <reason>}. A request the destination's RBAC denies was still routed there:
     * where traffic goes and whether it is allowed are separate questions (as in the simulator).
     */
    public static Map<String, Double> percentages(List<Leg> legs) {
        Map<String, Double> percentages = new LinkedHashMap<>();
        for (Leg leg : legs) {
            boolean delivered = leg.ok() || leg.servedBy() != null && leg.status() == 403;
            String key = delivered ? leg.servedBy().workload().cluster() + "/" + (leg.servedBy().workload().version() == null ? "-"
                    : leg.servedBy().workload().version()) : "-/" + leg.status() + " " + leg.reason();
            percentages.merge(key, leg.share() * 100.0, Double::sum);
        }
        percentages.replaceAll((k, v) -> Math.round(v * 1e6) / 1e6);
        return percentages;
    }

    public static String summary(List<Leg> legs) {
        return legs.stream().map(l -> String.format("%.2f%% %s", l.share() * 100, l.ok() ? "served by " + l.servedBy().workload().describe()
                : l.status() + " " + l.reason())).distinct().collect(Collectors.joining("; "));
    }
}
