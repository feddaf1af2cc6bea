package io.meshfed.spec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Validation of failover policies: one per service, priority labels, region pairs and outlier detection. */
final class FailoverRules {

    private final MeshSpec spec;
    private final References references;
    private final Problems problems;

    FailoverRules(MeshSpec spec, References references, Problems problems) {
        this.spec = spec;
        this.references = references;
        this.problems = problems;
    }

    void check() {
        Set<String> names = new HashSet<>();
        Map<String, Integer> services = new HashMap<>();
        for (int i = 0; i < spec.failover().size(); i++) {
            FailoverSpec f = spec.failover().get(i);
            String path = "failover[" + i + "]";
            if (!problems.present(path, f)) {
                continue;
            }
            problems.dnsLabel(path + ".name", f.name());
            if (f.name() != null && !names.add(f.name())) {
                problems.add(path + ".name", "duplicate failover policy name '" + f.name() + "'");
            }
            if (problems.required(path + ".service", f.service()) && references.knownService(path + ".service", f.service())) {
                ServiceRef ref = f.service();
                Integer first = services.putIfAbsent(ref.namespace() + "/" + ref.service(), i);
                if (first != null) {
                    problems.add(path + ".service", "failover[" + first + "] already covers " + ref.service() + "." + ref.namespace()
                            + "; put its priorities and regions into that one policy");
                }
            }
            priority(path + ".priority", f);
            outlierDetection(path + ".outlierDetection", f.outlierDetection());
            for (int r = 0; r < f.regions().size(); r++) {
                String regionPath = path + ".regions[" + r + "]";
                if (problems.present(regionPath, f.regions().get(r))) {
                    problems.required(regionPath + ".from", f.regions().get(r).from());
                    problems.required(regionPath + ".to", f.regions().get(r).to());
                    problems.labelValue(regionPath + ".from", f.regions().get(r).from());
                    problems.labelValue(regionPath + ".to", f.regions().get(r).to());
                }
            }
        }
    }

    /** Label keys, or {@code key=value} (Istio 1.18 and later). */
    private void priority(String path, FailoverSpec f) {
        problems.distinct(path, f.priority(), "label");
        for (int p = 0; p < f.priority().size(); p++) {
            String entry = f.priority().get(p);
            if (entry == null) {
                continue;
            }
            int equals = entry.indexOf('=');
            String key = equals < 0 ? entry : entry.substring(0, equals);
            if (!Syntax.labelKey(key) || equals >= 0 && !Syntax.labelValue(entry.substring(equals + 1))) {
                problems.add(path + "[" + p + "]", "'" + Problems.shown(entry) + "' is not a label key or key=value");
            }
        }
    }

    private void outlierDetection(String path, OutlierDetectionSpec od) {
        if (od == null) {
            problems.add(path, "required: Istio only fails over when outlier detection ejects unhealthy endpoints");
            return;
        }
        if (od.consecutive5xxErrors() != null && od.consecutive5xxErrors() < 0) {
            problems.add(path + ".consecutive5xxErrors", "must be 0 or more, was " + od.consecutive5xxErrors());
        }
        problems.duration(path + ".interval", od.interval());
        problems.duration(path + ".baseEjectionTime", od.baseEjectionTime());
        if (od.maxEjectionPercent() != null) {
            problems.percent(path + ".maxEjectionPercent", od.maxEjectionPercent().doubleValue());
        }
    }
}
