package io.meshfed.verify;

import java.util.Map;

/**
 * What an authorization check sees of a request. {@code principal} and {@code sourceNamespace}
 * come from the peer certificate and are null for plaintext.
 */
public record AccessRequest(String principal, String sourceNamespace, String host, String method, String path, int port,
        Map<String, String> headers) {

    public AccessRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static AccessRequest from(Workload source, String host, String method, String path, int port) {
        return new AccessRequest(source.principal(), source.namespace(), host, method, path, port, Map.of());
    }

    public static AccessRequest plaintext(String host, String method, String path, int port) {
        return new AccessRequest(null, null, host, method, path, port, Map.of());
    }
}
