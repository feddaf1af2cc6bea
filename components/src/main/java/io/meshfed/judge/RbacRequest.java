package io.meshfed.judge;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Envoy's RBAC filter sees of a request: the HTTP request, the peer certificate's URI SAN
 * ({@code peerPrincipal}, null on a plaintext connection), the local port and address, the direct
 * and effective remote addresses, the SNI, dynamic metadata per filter and string filter state.
 * {@link #of} puts the peer principal into filter state {@code io.istio.peer_principal} too, where
 * Istio's waypoints read it (pilot/pkg/security/authz/model/principal.go, 1.30.3).
 */
public record RbacRequest(HttpRequest http, String peerPrincipal, int destinationPort, String destinationIp,
        String directRemoteIp, String remoteIp, String sni, Map<String, Struct> metadata, Map<String, String> filterState) {

    public static final String PEER_PRINCIPAL_STATE = "io.istio.peer_principal";

    public RbacRequest {
        metadata = Map.copyOf(metadata);
        filterState = Map.copyOf(filterState);
    }

    public static RbacRequest of(HttpRequest http, String peerPrincipal, int destinationPort) {
        Map<String, String> state = new LinkedHashMap<>();
        if (peerPrincipal != null) {
            state.put(PEER_PRINCIPAL_STATE, peerPrincipal);
        }
        return new RbacRequest(http, peerPrincipal, destinationPort, null, null, null, null, Map.of(), state);
    }

    /** Adds the string {@code value} under {@code key} to the dynamic metadata of {@code filter}. */
    public RbacRequest withMetadata(String filter, String key, String value) {
        return withMetadata(filter, key, Value.newBuilder().setStringValue(value).build());
    }

    public RbacRequest withMetadata(String filter, String key, Value value) {
        Map<String, Struct> copy = new LinkedHashMap<>(metadata);
        copy.put(filter, copy.getOrDefault(filter, Struct.getDefaultInstance()).toBuilder().putFields(key, value).build());
        return new RbacRequest(http, peerPrincipal, destinationPort, destinationIp, directRemoteIp, remoteIp, sni, copy,
                filterState);
    }

    public RbacRequest withAddresses(String destinationIp, String directRemoteIp, String remoteIp) {
        return new RbacRequest(http, peerPrincipal, destinationPort, destinationIp, directRemoteIp, remoteIp, sni,
                metadata, filterState);
    }

    public RbacRequest withSni(String serverName) {
        return new RbacRequest(http, peerPrincipal, destinationPort, destinationIp, directRemoteIp, remoteIp, serverName,
                metadata, filterState);
    }
}
