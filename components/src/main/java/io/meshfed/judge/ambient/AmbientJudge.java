package io.meshfed.judge.ambient;

import io.meshfed.judge.istio.ClientPorts;

import io.meshfed.judge.HttpRequest;
import io.meshfed.judge.istio.IstioOracle;
import io.meshfed.judge.istio.SamplePod;
import io.meshfed.spec.ClusterSpec;
import io.meshfed.translate.MeshPlan;
import io.meshfed.verify.Workload;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers questions about an ambient mesh from what Istio's control plane generated for it, cluster by
 * cluster (the istio-oracle): ztunnel's workload API view and the Envoy configs of waypoints and
 * east-west gateways. A request leaves the client's ztunnel ({@link ZtunnelOutbound}), may pass a
 * waypoint or a network gateway ({@link EnvoyHops}) and ends at the destination's ztunnel
 * ({@link ZtunnelInbound}). Nothing here reads an Istio object.
 */
public final class AmbientJudge {

    private final MeshPlan plan;
    private final AmbientMesh mesh;
    private final Map<String, IstioOracle.ClusterResult> results;
    private final Set<String> unhealthy = new HashSet<>();
    private final ZtunnelOutbound outbound;

    public AmbientJudge(MeshPlan plan, Map<String, IstioOracle.ClusterResult> results) {
        this.plan = plan;
        this.results = Map.copyOf(results);
        Map<String, AmbientCluster> clusters = new LinkedHashMap<>();
        Map<String, String> gateways = new LinkedHashMap<>();
        for (Map.Entry<String, IstioOracle.ClusterResult> r : results.entrySet()) {
            ClusterSpec c = plan.spec().requireCluster(r.getKey());
            clusters.put(r.getKey(), AmbientCluster.of(c.name(), c.effectiveNetwork(), c.effectiveTrustDomain(), r.getValue()));
            if (c.eastWestGateway().hasAddress()) {
                gateways.put(c.eastWestGateway().address(), c.name());
            }
        }
        this.mesh = new AmbientMesh(clusters, gateways);
        ZtunnelInbound inbound = new ZtunnelInbound(unhealthy);
        this.outbound = new ZtunnelOutbound(mesh, new EnvoyHops(inbound), inbound);
    }

    public static AmbientJudge of(MeshPlan plan) {
        if (!plan.spec().ambient()) {
            throw new IllegalArgumentException("mesh " + plan.spec().name() + " is not ambient");
        }
        return new AmbientJudge(plan, IstioOracle.fromEnvironment().judge(plan));
    }

    /** Every pod of the service there answers 5xx from now on. */
    public void markUnhealthy(String cluster, String namespace, String service) {
        pods(cluster, namespace, service).forEach(p -> unhealthy.add(p.ip()));
    }

    public SamplePod pod(Workload w) {
        return pods(w.cluster(), w.namespace(), w.service()).stream().filter(p -> Objects.equals(p.workload().version(), w.version()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no pod of " + w.describe() + " in the judged mesh"));
    }

    private List<SamplePod> pods(String cluster, String namespace, String service) {
        IstioOracle.ClusterResult r = results.get(cluster);
        if (r == null) {
            throw new IllegalArgumentException("no cluster \"" + cluster + "\" in the judged mesh; it has " + results.keySet());
        }
        List<SamplePod> found = r.sample().pods().stream().filter(p -> !p.gateway() && p.namespace().equals(namespace)
                && p.workload().service().equals(service)).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no workload \"" + service + "\" in " + cluster + "/" + namespace);
        }
        return found;
    }

    /**
     * Where requests from the source to {@code host} (a full name) go: the client's DNS gives the
     * service's VIP (kube-dns for Services, ztunnel's DNS proxy for ServiceEntries, both from the
     * services istiod sends), and its ztunnel takes the connection.
     */
    public List<AmbientLeg> request(Workload source, String host, HttpRequest request) {
        AmbientCluster c = mesh.cluster(source.cluster());
        int port = port(host);
        Optional<ZService> service = c.view().serviceByHostname(host);
        if (service.isEmpty()) {
            return List.of(AmbientLeg.failed(503, "no such host: ztunnel of " + source.describe() + " knows no service " + host,
                    "ztunnel of " + source.describe()));
        }
        return outbound.toService(c, pod(source), service.get(), port, request.withHeader(":authority", host));
    }

    /**
     * The mTLS mode the destination's ztunnel enforces on the service's port: STRICT when its L4
     * policies reject a plaintext connection there (istiod turns STRICT PeerAuthentications into
     * DENY policies without a principal, pilot/pkg/serviceregistry/ambient/authorization.go
     * {@code convertedSelectorPeerAuthentications}), else PERMISSIVE (ztunnel accepts plaintext
     * and mTLS alike; DISABLE has no meaning there).
     */
    public String mtlsMode(Workload w) {
        AmbientCluster c = mesh.cluster(w.cluster());
        SamplePod pod = pod(w);
        ZWorkload z = c.workload(pod).orElseThrow(() -> new IllegalArgumentException("ztunnel does not know " + w.describe()));
        int port = port(w.service(), w.namespace());
        L4Authorization.Decision plaintext = L4Authorization.decide(c.view().policiesFor(z),
                new L4Authorization.Connection(null, pod.ip(), port, null));
        return !plaintext.allowed() && plaintext.policy() != null ? "STRICT" : "PERMISSIVE";
    }

    public int port(String fqdn) {
        return ClientPorts.of(plan.spec(), fqdn);
    }

    private int port(String service, String namespace) {
        return ClientPorts.of(plan.spec(), service, namespace);
    }
}
