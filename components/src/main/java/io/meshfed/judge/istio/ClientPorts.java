package io.meshfed.judge.istio;

import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.PortSpec;
import io.meshfed.spec.ServiceSpec;

/** The port a client calls a service on: the first port the spec's inventory declares for it. */
public final class ClientPorts {

    private ClientPorts() {
    }

    /** For a full host name {@code <service>.<namespace>.…}. */
    public static int of(MeshSpec spec, String fqdn) {
        String[] labels = fqdn.split("\\.");
        if (labels.length < 2) {
            throw new IllegalArgumentException("not a full host name: " + fqdn);
        }
        return of(spec, labels[0], labels[1]);
    }

    public static int of(MeshSpec spec, String service, String namespace) {
        return spec.services().stream().filter(s -> s.name().equals(service) && s.namespace().equals(namespace))
                .map(ServiceSpec::ports).filter(p -> !p.isEmpty()).map(p -> p.get(0)).map(PortSpec::number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the inventory declares no port for " + service + "." + namespace));
    }
}
