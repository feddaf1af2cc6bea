package io.meshfed.topology;

import java.util.List;

/**
 * An access policy's allowance from one source to the workloads its selector picks, for the
 * requests it names ({@code requests}: methods, paths and ports, or "any request").
 */
public record AllowedEdge(String policy, AccessPeer source, String destination, List<String> destinationNamespaces, String requests) {

    public AllowedEdge {
        destinationNamespaces = List.copyOf(destinationNamespaces);
    }
}
