package io.meshfed.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Validation of the Istio installation: mode, version, revision, flavor and waypoints. */
final class IstioRules {

    /** The first Istio release that serves the v1 networking and security APIs (1.22). */
    static final int OLDEST_MAJOR = 1;
    static final int OLDEST_MINOR = 22;
    private static final String VERSION = "\\d{1,6}\\.\\d{1,6}(\\.\\d{1,6})?";

    private final MeshSpec spec;
    private final References references;
    private final Problems problems;

    IstioRules(MeshSpec spec, References references, Problems problems) {
        this.spec = spec;
        this.references = references;
        this.problems = problems;
    }

    void check() {
        IstioSpec istio = spec.istio();
        problems.oneOf("istio.mode", istio.mode(), List.of(IstioSpec.SIDECAR, IstioSpec.AMBIENT));
        if (!istio.version().matches(VERSION)) {
            problems.add("istio.version", "'" + Problems.shown(istio.version()) + "' is not an Istio version such as 1.30.3");
        } else if (olderThanOldest(istio.version())) {
            problems.add("istio.version", "meshfed renders networking.istio.io/v1 and security.istio.io/v1 objects and "
                    + "key=value failover priorities, which need Istio " + OLDEST_MAJOR + "." + OLDEST_MINOR + " or later; was "
                    + istio.version());
        }
        if (!istio.revision().isEmpty()) {
            problems.dnsLabel("istio.revision", istio.revision());
        }
        problems.oneOf("istio.eastWestGatewayFlavor", istio.eastWestGatewayFlavor(), List.of(IstioSpec.UPSTREAM, IstioSpec.SOLO));
        if (istio.soloEastWestGateways() && !spec.ambient()) {
            problems.add("istio.eastWestGatewayFlavor", "'solo' shapes ambient east-west gateways; it needs istio.mode: ambient");
        }
        waypoints(istio.waypoints());
        new ValuesRules(istio.values(), problems).check();
    }

    private void waypoints(List<NamespaceRef> waypoints) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < waypoints.size(); i++) {
            NamespaceRef ref = waypoints.get(i);
            String path = "istio.waypoints[" + i + "]";
            if (!problems.present(path, ref)) {
                continue;
            }
            if (!spec.ambient()) {
                problems.add(path, "waypoints need istio.mode: ambient");
            }
            references.knownCluster(path + ".cluster", ref.cluster(), true);
            problems.dnsLabel(path + ".namespace", ref.namespace());
            Integer first = seen.putIfAbsent(ref.cluster() + "/" + ref.namespace(), i);
            if (first != null) {
                problems.add(path, "duplicate waypoint for " + ref.cluster() + "/" + ref.namespace() + " (also istio.waypoints[" + first + "])");
            }
        }
    }

    private static boolean olderThanOldest(String version) {
        String[] v = version.split("\\.");
        int major = Integer.parseInt(v[0]);
        return major < OLDEST_MAJOR || major == OLDEST_MAJOR && Integer.parseInt(v[1]) < OLDEST_MINOR;
    }
}
