package io.meshfed.translate;

import io.meshfed.spec.ExportSpec;
import io.meshfed.spec.FederationGraph;
import io.meshfed.spec.MeshSpec;
import java.util.List;
import java.util.Map;

/** The global host name and VIP of every exported service. */
final class GlobalHosts {

    private final String suffix;
    private final Map<String, String> vips;

    GlobalHosts(MeshSpec spec, FederationGraph graph) {
        this.suffix = spec.globalHostSuffix();
        List<String> hosts = spec.federation().exports().stream().map(e -> host(e.service(), e.namespace())).toList();
        this.vips = Vips.allocate(hosts);
    }

    String host(String service, String namespace) {
        return service + "." + namespace + "." + suffix;
    }

    String host(ExportSpec export) {
        return host(export.service(), export.namespace());
    }

    String vip(String host) {
        return vips.get(host);
    }

    String suffix() {
        return suffix;
    }
}
