package io.meshfed.spec;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed spec as a whole before anything is produced: references, uniqueness, weights,
 * durations and the rules Istio would otherwise only reveal at run time.
 */
public final class SpecValidator {

    static final List<String> KEY_TYPES = List.of("EC_P256", "EC_P384", "RSA_3072", "RSA_4096");
    static final List<String> ROTATIONS = List.of("NONE", "TRUST_BOTH", "SWITCHED");
    static final List<String> PROTOCOLS = List.of("HTTP", "HTTP2", "HTTPS", "GRPC", "TCP", "TLS", "MONGO", "REDIS", "MYSQL");
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE");

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
        problems.dnsLabel("name", spec.name());
        clusters();
        istio();
        new AmbientRules(spec, problems).check();
        trust();
        services();
        federation();
        new AccessRules(graph, problems).check();
        new TrafficRules(graph, problems).check();
        failover();
    }

    private void clusters() {
        if (spec.clusters().isEmpty()) {
            problems.add("clusters", "at least one cluster is required");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < spec.clusters().size(); i++) {
            ClusterSpec c = spec.clusters().get(i);
            String path = "clusters[" + i + "]";
            problems.dnsLabel(path + ".name", c.name());
            Integer first = c.name() == null ? null : seen.putIfAbsent(c.name(), i);
            if (first != null) {
                problems.add(path + ".name", "duplicate cluster name '" + c.name() + "' (also clusters[" + first + "])");
            }
            problems.port(path + ".eastWestGateway.port", c.eastWestGateway().port());
            problems.oneOf(path + ".eastWestGateway.serviceType", c.eastWestGateway().serviceType(), List.of("LoadBalancer", "NodePort", "ClusterIP"));
            problems.dnsLabel(path + ".eastWestGateway.namespace", c.eastWestGateway().namespace());
            if (c.locality().zone() != null && c.locality().region() == null) {
                problems.add(path + ".locality.region", "required when a zone is given");
            }
        }
    }

    private void istio() {
        problems.oneOf("istio.mode", spec.istio().mode(), List.of(IstioSpec.SIDECAR, IstioSpec.AMBIENT));
        if (!spec.istio().version().matches("\\d+\\.\\d+(\\.\\d+)?")) {
            problems.add("istio.version", "'" + spec.istio().version() + "' is not an Istio version such as 1.30.3");
        } else if (olderThan(spec.istio().version(), OLDEST_ISTIO)) {
            problems.add("istio.version", "meshfed renders networking.istio.io/v1 and security.istio.io/v1 objects and "
                    + "key=value failover priorities, which need Istio " + OLDEST_ISTIO + " or later; was " + spec.istio().version());
        }
        if (!spec.istio().revision().isEmpty()) {
            problems.dnsLabel("istio.revision", spec.istio().revision());
        }
        problems.oneOf("istio.eastWestGatewayFlavor", spec.istio().eastWestGatewayFlavor(), List.of(IstioSpec.UPSTREAM, IstioSpec.SOLO));
        if (spec.istio().soloEastWestGateways() && !spec.ambient()) {
            problems.add("istio.eastWestGatewayFlavor", "'solo' shapes ambient east-west gateways; it needs istio.mode: ambient");
        }
        for (int i = 0; i < spec.istio().waypoints().size(); i++) {
            NamespaceRef ref = spec.istio().waypoints().get(i);
            String path = "istio.waypoints[" + i + "]";
            if (!spec.ambient()) {
                problems.add(path, "waypoints need istio.mode: ambient");
            }
            knownCluster(path + ".cluster", ref.cluster(), true);
            problems.dnsLabel(path + ".namespace", ref.namespace());
        }
    }

    /** The first Istio release that serves the v1 networking and security APIs (1.22). */
    static final String OLDEST_ISTIO = "1.22";

    private static boolean olderThan(String version, String oldest) {
        String[] v = version.split("\\.");
        String[] o = oldest.split("\\.");
        int major = Integer.parseInt(v[0]);
        int oldestMajor = Integer.parseInt(o[0]);
        return major < oldestMajor || major == oldestMajor && Integer.parseInt(v[1]) < Integer.parseInt(o[1]);
    }

    private void trust() {
        TrustSpec t = spec.trust();
        problems.oneOf("trust.root", t.root(), List.of(TrustSpec.GENERATED, TrustSpec.PROVIDED));
        problems.oneOf("trust.keyType", t.keyType(), KEY_TYPES);
        problems.oneOf("trust.rootRotation", t.rootRotation(), ROTATIONS);
        try {
            Instant.parse(t.notBefore());
        } catch (DateTimeParseException e) {
            problems.add("trust.notBefore", "'" + t.notBefore() + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
        problems.duration("trust.rootValidity", t.rootValidity());
        problems.duration("trust.intermediateValidity", t.intermediateValidity());
        if (t.epoch() < 1) {
            problems.add("trust.epoch", "must be at least 1, was " + t.epoch());
        }
        if (t.rootEpoch() < 1) {
            problems.add("trust.rootEpoch", "must be at least 1, was " + t.rootEpoch());
        }
        if (!"NONE".equals(t.rootRotation()) && t.rootEpoch() < 2) {
            problems.add("trust.rootRotation", "a root rotation needs trust.rootEpoch of 2 or more (the previous root is rootEpoch - 1)");
        }
        if (TrustSpec.PROVIDED.equals(t.root())) {
            problems.required("trust.providedRootCertFile", t.providedRootCertFile());
            problems.required("trust.providedRootKeyFile", t.providedRootKeyFile());
        }
    }

    private void services() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < spec.services().size(); i++) {
            ServiceSpec s = spec.services().get(i);
            String path = "services[" + i + "]";
            problems.dnsLabel(path + ".name", s.name());
            problems.dnsLabel(path + ".namespace", s.namespace());
            knownCluster(path + ".cluster", s.cluster(), true);
            Integer first = seen.putIfAbsent(s.cluster() + "/" + s.namespace() + "/" + s.name(), i);
            if (first != null) {
                problems.add(path, "duplicate service '" + s.name() + "' in " + s.cluster() + "/" + s.namespace() + " (also services[" + first + "])");
            }
            if (s.ports().isEmpty()) {
                problems.add(path + ".ports", "at least one port is required");
            }
            Set<String> portNames = new HashSet<>();
            for (int p = 0; p < s.ports().size(); p++) {
                PortSpec port = s.ports().get(p);
                String portPath = path + ".ports[" + p + "]";
                if (problems.required(portPath + ".number", port.number())) {
                    problems.port(portPath + ".number", port.number());
                    if (!portNames.add(port.effectiveName())) {
                        problems.add(portPath + ".name", "duplicate port name '" + port.effectiveName() + "'");
                    }
                }
                problems.oneOf(portPath + ".protocol", port.protocol(), PROTOCOLS);
            }
            Set<String> versions = new HashSet<>();
            for (int v = 0; v < s.versions().size(); v++) {
                problems.dnsLabel(path + ".versions[" + v + "]", s.versions().get(v));
                if (!versions.add(s.versions().get(v))) {
                    problems.add(path + ".versions[" + v + "]", "duplicate version '" + s.versions().get(v) + "'");
                }
            }
        }
    }

    private void federation() {
        FederationSpec f = spec.federation();
        problems.oneOf("federation.hostSuffix", f.hostSuffix(), List.of(FederationSpec.GLOBAL, FederationSpec.MESH_INTERNAL));
        Set<String> exported = new HashSet<>();
        for (int i = 0; i < f.exports().size(); i++) {
            ExportSpec e = f.exports().get(i);
            String path = "federation.exports[" + i + "]";
            if (!problems.required(path + ".service", e.service())) {
                continue;
            }
            List<ServiceSpec> backings = graph.backings(e.service(), e.namespace());
            if (backings.isEmpty()) {
                problems.add(path + ".service", "no service '" + e.service() + "' in namespace '" + e.namespace() + "' is declared in services");
                continue;
            }
            if (!exported.add(e.namespace() + "/" + e.service())) {
                problems.add(path, "service " + e.service() + "." + e.namespace() + " is exported twice");
            }
            for (int c = 0; c < e.from().size(); c++) {
                String cluster = e.from().get(c);
                if (knownCluster(path + ".from[" + c + "]", cluster, true)
                        && backings.stream().noneMatch(b -> b.cluster().equals(cluster))) {
                    problems.add(path + ".from[" + c + "]", "cluster '" + cluster + "' does not declare service " + e.service() + "." + e.namespace());
                }
            }
            for (int c = 0; c < e.to().size(); c++) {
                knownCluster(path + ".to[" + c + "]", e.to().get(c), true);
            }
        }
    }

    private void failover() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < spec.failover().size(); i++) {
            FailoverSpec f = spec.failover().get(i);
            String path = "failover[" + i + "]";
            problems.dnsLabel(path + ".name", f.name());
            if (f.name() != null && !names.add(f.name())) {
                problems.add(path + ".name", "duplicate failover policy name '" + f.name() + "'");
            }
            if (problems.required(path + ".service", f.service())) {
                knownService(path + ".service", f.service());
            }
            OutlierDetectionSpec od = f.outlierDetection();
            if (od == null) {
                problems.add(path + ".outlierDetection", "required: Istio only fails over when outlier detection ejects unhealthy endpoints");
            } else {
                problems.duration(path + ".outlierDetection.interval", od.interval());
                problems.duration(path + ".outlierDetection.baseEjectionTime", od.baseEjectionTime());
                if (od.maxEjectionPercent() != null) {
                    problems.percent(path + ".outlierDetection.maxEjectionPercent", od.maxEjectionPercent().doubleValue());
                }
            }
            for (int r = 0; r < f.regions().size(); r++) {
                problems.required(path + ".regions[" + r + "].from", f.regions().get(r).from());
                problems.required(path + ".regions[" + r + "].to", f.regions().get(r).to());
            }
        }
    }

    boolean knownCluster(String path, String cluster, boolean required) {
        return knownCluster(graph, problems, path, cluster, required);
    }

    static boolean knownCluster(FederationGraph graph, Problems problems, String path, String cluster, boolean required) {
        if (cluster == null) {
            if (required) {
                problems.add(path, "required");
            }
            return false;
        }
        if (graph.cluster(cluster).isEmpty()) {
            problems.add(path, "unknown cluster '" + cluster + "'");
            return false;
        }
        return true;
    }

    private void knownService(String path, ServiceRef ref) {
        knownService(graph, problems, path, ref);
    }

    static boolean knownService(FederationGraph graph, Problems problems, String path, ServiceRef ref) {
        if (!problems.required(path + ".service", ref.service())) {
            return false;
        }
        if (graph.backings(ref.service(), ref.namespace()).isEmpty()) {
            problems.add(path, "no service '" + ref.service() + "' in namespace '" + ref.namespace() + "' is declared in services");
            return false;
        }
        return true;
    }
}
