package io.meshfed.spec;

/** A service port; protocol as Istio names it (HTTP, HTTP2, GRPC, TCP, TLS, HTTPS). */
public record PortSpec(String name, Integer number, String protocol) {

    public PortSpec {
        protocol = protocol == null ? "HTTP" : protocol;
    }

    public String effectiveName() {
        return name == null || name.isBlank() ? protocol.toLowerCase(java.util.Locale.ROOT) + "-" + number : name;
    }
}
