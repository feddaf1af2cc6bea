package io.meshfed.topology;

import io.meshfed.spec.AccessPolicySpec;
import io.meshfed.spec.DestinationSelectorSpec;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.NamespaceRef;
import io.meshfed.spec.ServiceAccountRef;
import io.meshfed.spec.ServiceSpec;
import io.meshfed.spec.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The access section as allowed edges: one per policy and source, and one per isolated namespace. */
final class AllowedEdges {

    static final String ALL_NAMESPACES = "all namespaces";

    private AllowedEdges() {
    }

    static List<AllowedEdge> of(MeshSpec spec) {
        List<AllowedEdge> edges = new ArrayList<>();
        for (AccessPolicySpec policy : spec.access().policies()) {
            String destination = describe(policy.to());
            List<String> namespaces = namespaces(policy.to(), spec);
            String requests = requests(policy);
            for (AccessPeer source : sources(policy.from())) {
                edges.add(new AllowedEdge(policy.name(), source, destination, namespaces, requests));
            }
        }
        for (NamespaceRef isolated : spec.access().namespaceIsolation()) {
            String where = isolated.cluster() == null ? "" : " @" + isolated.cluster();
            edges.add(new AllowedEdge("isolation " + isolated.namespace(),
                    new AccessPeer(AccessPeer.Kind.NAMESPACE, isolated.cluster(), isolated.namespace(), null),
                    "ns " + isolated.namespace() + where, List.of(isolated.namespace()), "same namespace only"));
        }
        return edges;
    }

    private static List<AccessPeer> sources(List<SourceSpec> from) {
        if (from.isEmpty()) {
            return List.of(AccessPeer.anyone());
        }
        List<AccessPeer> peers = new ArrayList<>();
        for (SourceSpec source : from) {
            for (ServiceAccountRef sa : source.serviceAccounts()) {
                peers.add(new AccessPeer(AccessPeer.Kind.SERVICE_ACCOUNT, sa.cluster(), sa.namespace(), sa.name()));
            }
            for (NamespaceRef ns : source.namespaces()) {
                peers.add(new AccessPeer(AccessPeer.Kind.NAMESPACE, ns.cluster(), ns.namespace(), null));
            }
        }
        return peers;
    }

    static String describe(DestinationSelectorSpec to) {
        List<String> parts = new ArrayList<>();
        if (!to.services().isEmpty()) {
            parts.add("svc " + String.join(",", to.services()));
        }
        if (!to.namespaces().isEmpty()) {
            parts.add("ns " + String.join(",", to.namespaces()));
        }
        if (!to.labels().isEmpty()) {
            parts.add(to.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        }
        if (!to.clusters().isEmpty()) {
            parts.add("@" + String.join(",", to.clusters()));
        }
        return parts.isEmpty() ? "every workload" : String.join(" ", parts);
    }

    private static List<String> namespaces(DestinationSelectorSpec to, MeshSpec spec) {
        if (!to.namespaces().isEmpty()) {
            return to.namespaces();
        }
        if (!to.services().isEmpty()) {
            return spec.services().stream()
                    .filter(s -> to.services().contains(s.name()) && (to.clusters().isEmpty() || to.clusters().contains(s.cluster())))
                    .map(ServiceSpec::namespace).distinct().toList();
        }
        return List.of(ALL_NAMESPACES);
    }

    private static String requests(AccessPolicySpec policy) {
        List<String> parts = new ArrayList<>();
        if (!policy.methods().isEmpty()) {
            parts.add(String.join(",", policy.methods()));
        }
        if (!policy.paths().isEmpty()) {
            parts.add(String.join(",", policy.paths()));
        }
        if (!policy.ports().isEmpty()) {
            parts.add(":" + policy.ports().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return parts.isEmpty() ? "any request" : String.join(" ", parts);
    }
}
