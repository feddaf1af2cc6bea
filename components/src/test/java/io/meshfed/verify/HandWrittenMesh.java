package io.meshfed.verify;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small mesh whose per-cluster objects are written by hand (YAML, parsed into fabric8 objects),
 * so each simulator rule can be tested in isolation from the translation. Three clusters: c1
 * (r1/z1) and c2 (r1/z2) in one region, c3 (r2/z3) in another; the client {@code client} in c1
 * namespace {@code app}; {@code reviews} in namespace {@code shop}: v1 and v2 in c1, v1 in c2, v3
 * in c3.
 */
final class HandWrittenMesh {

    static final String SPEC = """
            name: handwritten
            clusters:
              - {name: c1, network: n1, locality: {region: r1, zone: z1}, eastWestGateway: {address: 10.0.0.1}}
              - {name: c2, network: n2, locality: {region: r1, zone: z2}, eastWestGateway: {address: 10.0.0.2}}
              - {name: c3, network: n3, locality: {region: r2, zone: z3}, eastWestGateway: {address: 10.0.0.3}}
            services:
              - {name: client, namespace: app, cluster: c1, serviceAccount: client, ports: [{name: http, number: 80}]}
              - {name: other, namespace: app, cluster: c1, serviceAccount: other, ports: [{name: http, number: 80}]}
              - {name: reviews, namespace: shop, cluster: c1, serviceAccount: reviews, ports: [{name: http, number: 9080}], versions: [v1, v2]}
              - {name: reviews, namespace: shop, cluster: c2, serviceAccount: reviews, ports: [{name: http, number: 9080}], versions: [v1]}
              - {name: reviews, namespace: shop, cluster: c3, serviceAccount: reviews, ports: [{name: http, number: 9080}], versions: [v3]}
            """;

    /** The global host in any cluster: its own pods by selector (and the WorkloadEntries in its namespace). */
    static final String GLOBAL_SERVICE_ENTRY = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: reviews-global, namespace: shop}
            spec:
              hosts: [reviews.shop.global]
              addresses: [240.0.0.10]
              location: MESH_INTERNAL
              resolution: STATIC
              ports: [{name: http, number: 9080, protocol: HTTP}]
              workloadSelector: {labels: {app: reviews}}
            """;

    static final String WORKLOAD_ENTRY_C2 = """
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: reviews-c2-v1, namespace: shop}
            spec:
              address: 10.0.0.2
              ports: {http: 15443}
              locality: r1/z2
              serviceAccount: reviews
              labels: {app: reviews, version: v1, meshfed.io/cluster: c2}
            """;

    static final String WORKLOAD_ENTRY_C3 = """
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: reviews-c3-v3, namespace: shop}
            spec:
              address: 10.0.0.3
              ports: {http: 15443}
              locality: r2/z3
              serviceAccount: reviews
              labels: {app: reviews, version: v3, meshfed.io/cluster: c3}
            """;

    /** The global host's ServiceEntry in c1 (local pods by selector) and WorkloadEntries for c2 and c3. */
    static final String FEDERATION_C1 = GLOBAL_SERVICE_ENTRY + "---\n" + WORKLOAD_ENTRY_C2 + "---\n" + WORKLOAD_ENTRY_C3;

    /**
     * What a backing cluster needs so that its east-west gateway can resolve the global host: the
     * ServiceEntry over its own pods and, for the gateway's namespace only, subsets of its own pods.
     */
    static String backing(String cluster, String network) {
        return GLOBAL_SERVICE_ENTRY + """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews-global-eastwest, namespace: istio-gateways}
                spec:
                  host: reviews.shop.global
                  exportTo: ["."]
                  subsets:
                    - {name: CLUSTER, labels: {topology.istio.io/network: NETWORK}}
                    - {name: v1, labels: {version: v1, topology.istio.io/network: NETWORK}}
                    - {name: v3, labels: {version: v3, topology.istio.io/network: NETWORK}}
                """.replace("CLUSTER", cluster).replace("NETWORK", network);
    }

    /** Adds {@link #backing} to c2 and c3. */
    HandWrittenMesh withBackingClusters() {
        return in("c2", backing("c2", "n2")).in("c3", backing("c3", "n3"));
    }

    static final String EAST_WEST_GATEWAY = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: cross-network-gateway, namespace: istio-system}
            spec:
              selector: {istio: eastwestgateway}
              servers:
                - port: {name: tls, number: 15443, protocol: TLS}
                  hosts: ["*.local", "*.global"]
                  tls: {mode: AUTO_PASSTHROUGH}
            """;

    /**
     * istiod's values as meshfed renders them for a cluster of this mesh: its own trust domain, and
     * every trust domain of the mesh validated through {@code caCertificates}.
     */
    static String istiodValues(String cluster) {
        return """
                meshConfig:
                  trustDomain: CLUSTER
                  caCertificates:
                    - trustDomains: [c1, c2, c3]
                """.replace("CLUSTER", cluster);
    }

    private final MeshSpec spec = SpecLoader.parse(SPEC, "hand-written mesh");
    private final Map<String, List<HasMetadata>> objects = new LinkedHashMap<>();
    private final Map<String, List<HelmRelease>> releases = new LinkedHashMap<>();

    HandWrittenMesh() {
        spec.clusters().forEach(c -> objects.put(c.name(), new ArrayList<>()));
    }

    MeshSpec spec() {
        return spec;
    }

    /** Adds the objects of a YAML stream (documents separated by {@code ---}) to a cluster. */
    HandWrittenMesh in(String cluster, String yaml) {
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                objects.get(cluster).add((HasMetadata) Serialization.unmarshal(document));
            }
        }
        return this;
    }

    /** Sets a cluster's istiod Helm values (YAML). */
    @SuppressWarnings("unchecked")
    HandWrittenMesh istiod(String cluster, String valuesYaml) {
        Map<String, Object> values;
        try {
            values = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readValue(valuesYaml, Map.class);
        } catch (java.io.IOException malformed) {
            throw new IllegalArgumentException(malformed);
        }
        releases.put(cluster, List.of(new HelmRelease(Stage.ISTIO, "istiod", "istio-system", "istiod", "", "", values)));
        return this;
    }

    /** Gives every cluster the istiod values of {@link #istiodValues}. */
    HandWrittenMesh withIstiod() {
        objects.keySet().forEach(cluster -> istiod(cluster, istiodValues(cluster)));
        return this;
    }

    /** Adds each cluster's {@code istio-system/cacerts} Secret with the given files. */
    HandWrittenMesh cacerts(java.util.function.Function<String, Map<String, String>> files) {
        objects.forEach((cluster, list) -> list.add(new SecretBuilder().withNewMetadata().withName("cacerts")
                .withNamespace("istio-system").endMetadata().withStringData(files.apply(cluster)).build()));
        return this;
    }

    MeshPlan plan() {
        List<ClusterPlan> clusters = new ArrayList<>();
        objects.forEach((cluster, list) -> clusters.add(new ClusterPlan(cluster, releases.getOrDefault(cluster, List.of()),
                list.stream().map(o -> MeshObject.of(Stage.POLICIES, o)).toList())));
        return new MeshPlan(spec, clusters, "");
    }

    MeshSimulator simulator() {
        return new MeshSimulator(plan());
    }
}
