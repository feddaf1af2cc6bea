package io.meshfed.spec;

/**
 * The cluster's east-west gateway. {@code address} is its reachable address when known in
 * advance (a MetalLB pool address, a DNS name); otherwise the Pulumi components resolve it from the
 * gateway Service once it is assigned and {@code render} writes a placeholder.
 */
public record EastWestGatewaySpec(String address, Integer port, String serviceType, String namespace) {

    public static final int SIDECAR_MTLS_PORT = 15443;
    public static final int HBONE_PORT = 15008;

    public EastWestGatewaySpec {
        serviceType = serviceType == null ? "LoadBalancer" : serviceType;
        namespace = namespace == null ? "istio-gateways" : namespace;
    }

    static EastWestGatewaySpec defaults() {
        return new EastWestGatewaySpec(null, null, null, null);
    }

    public boolean hasAddress() {
        return address != null && !address.isBlank();
    }
}
