package io.meshfed.cli;

import static io.meshfed.cli.LiveClusterSeed.AP;
import static io.meshfed.cli.LiveClusterSeed.DR;
import static io.meshfed.cli.LiveClusterSeed.PA;
import static io.meshfed.cli.LiveClusterSeed.SE;
import static io.meshfed.cli.LiveClusterSeed.VS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshfed.discover.ClusterClients;
import io.meshfed.trust.ClusterIdentity;
import io.meshfed.trust.MeshTrust;
import io.meshfed.trust.TrustSeed;
import io.meshfed.trust.TrustSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshfed discover} against two mock API servers standing for the clusters kind-east and kind-west. */
class DiscoverCommandTest {

    private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private final MockClusters clusters = new MockClusters();

    @AfterEach
    void stopServers() {
        clusters.close();
    }

    private static MeshTrust trust(String seedLabel, String... clusterNames) {
        byte[] seed = new byte[32];
        byte[] label = seedLabel.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(label, 0, seed, 0, Math.min(label.length, seed.length));
        return MeshTrust.issue(TrustSettings.defaults(NOT_BEFORE), TrustSeed.fromBase64(Base64.getEncoder().encodeToString(seed)),
                List.of(clusterNames).stream().map(c -> new ClusterIdentity(c, c + ".local")).toList());
    }

    /** east: default istiod 1.28.0, network from the namespace label, cacerts from the given trust, sleep. */
    private void east(MeshTrust trust) {
        clusters.cluster("kind-east", c -> new LiveClusterSeed(c)
                .namespace("istio-system", Map.of("topology.istio.io/network", "east"))
                .istiod("istiod", "default", "docker.io/istio/pilot:1.28.0")
                .configMap("istio", "mesh", "defaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\ntrustDomain: east.local\n")
                .cacerts(trust.caCerts("east"))
                .namespace("istio-gateways", Map.of())
                .eastWestGateway("istio-gateways", "172.18.64.1")
                .namespace("sleep", Map.of("istio-injection", "enabled"))
                .service("sleep", "sleep", "http", 80)
                .pod("sleep", "sleep-5d8f7b9c-abcde", "sleep", null, "sleep")
                .namespace("unmeshed", Map.of())
                .service("unmeshed", "legacy", "http", 8080)
                .istioObject(SE, "istio-system", "httpbin-httpbin-global", "local")
                .istioObject(SE, "istio-system", "httpbin-httpbin-west", "local")
                .istioObject(DR, "istio-system", "httpbin-httpbin-global", "local"));
    }

    /** west: revisioned istiod, network from the injector values, httpbin v1 and v2. */
    private void west(java.util.function.Consumer<LiveClusterSeed> trust) {
        clusters.cluster("kind-west", c -> {
            LiveClusterSeed seed = new LiveClusterSeed(c)
                    .namespace("istio-system", Map.of())
                    .istiod("istiod-stable", "stable", "gcr.io/istio-release/pilot:1.28.0-distroless")
                    .configMap("istio-stable", "mesh", "trustDomain: west.local\n")
                    .configMap("istio-sidecar-injector-stable", "values", "{\"global\":{\"network\":\"west\",\"meshID\":\"local\"}}")
                    .namespace("istio-gateways", Map.of())
                    .eastWestGateway("istio-gateways", "172.18.128.1")
                    .namespace("httpbin", Map.of("istio-injection", "enabled"))
                    .service("httpbin", "httpbin", "http", 8000)
                    .pod("httpbin", "httpbin-v1-abc", "httpbin", "v1", "httpbin")
                    .pod("httpbin", "httpbin-v2-def", "httpbin", "v2", "httpbin")
                    .istioObject(AP, "httpbin", "sleep-to-httpbin", "local")
                    .istioObject(PA, "istio-system", "default", "local")
                    .istioObject(SE, "istio-system", "other-mesh-entry", "other")
                    .istioObject(VS, "httpbin", "hand-written", null);
            trust.accept(seed);
        });
    }

    private String run(int expectedExit, ClusterClients clients, String... args) {
        return CliRun.capture(expectedExit, () -> MeshfedMain.run(clients, args));
    }

    @Test
    void reportsIstioGatewaysObjectsAndServicesOfBothClustersAndTheirSharedRoot() {
        MeshTrust shared = trust("shared", "east", "west");
        east(shared);
        west(seed -> seed.cacerts(shared.caCerts("west")));

        String output = run(0, clusters, "discover", "--context", "kind-east", "--context", "kind-west");

        assertTrue(output.contains("cluster kind-east"), output);
        assertTrue(output.contains("istiod 1.28.0 (revision default)"), output);
        assertTrue(output.contains("istiod-stable 1.28.0-distroless (revision stable)"), output);
        assertTrue(output.lines().anyMatch(l -> l.equals("  trust domain:  east.local")), output);
        assertTrue(output.lines().anyMatch(l -> l.equals("  trust domain:  west.local")), output);
        assertTrue(output.lines().anyMatch(l -> l.equals("  network:       east")), output);
        assertTrue(output.lines().anyMatch(l -> l.equals("  network:       west")), output);
        assertTrue(output.contains("istio-gateways/istio-eastwestgateway at 172.18.64.1 ports status-port:15021, tls:15443/TLS"), output);
        assertTrue(output.contains("istio-gateways/istio-eastwestgateway at 172.18.128.1 ports"), output);
        assertTrue(output.contains("mesh local: DestinationRule=1, ServiceEntry=2"), output);
        assertTrue(output.contains("mesh local: AuthorizationPolicy=1, PeerAuthentication=1"), output);
        assertTrue(output.contains("mesh other: ServiceEntry=1"), output);
        assertFalse(output.contains("VirtualService"), output);
        assertTrue(output.contains("sleep/sleep ports http:80/HTTP versions - serviceAccount sleep"), output);
        assertTrue(output.contains("httpbin/httpbin ports http:8000/HTTP versions v1,v2 serviceAccount httpbin"), output);
        assertFalse(output.contains("legacy"), output);
        assertTrue(output.contains("sha256 " + shared.rootFingerprintSha256() + " from Secret istio-system/cacerts"), output);
        assertTrue(output.strip().endsWith("roots: shared root (sha256 " + shared.rootFingerprintSha256() + ") across kind-east, kind-west"), output);
        assertFalse(output.contains("PRIVATE KEY") || output.contains("BEGIN"), output);
    }

    @Test
    void tellsDifferentRootsApartAndReadsIstiodsOwnRootWithoutCacerts() {
        MeshTrust eastTrust = trust("east-only", "east");
        MeshTrust westTrust = trust("west-only", "west");
        east(eastTrust);
        west(seed -> seed.configMap("istio-ca-root-cert", "root-cert.pem", westTrust.rootCertPem()));

        String output = run(0, clusters, "discover", "--context", "kind-east", "--context", "kind-west");

        assertTrue(output.contains("sha256 " + westTrust.rootFingerprintSha256() + " from ConfigMap istio-system/istio-ca-root-cert"), output);
        assertTrue(output.contains("roots: different roots (kind-east " + eastTrust.rootFingerprintSha256().substring(0, 16)
                + "..., kind-west " + westTrust.rootFingerprintSha256().substring(0, 16) + "...)"), output);
    }

    @Test
    void writesADraftSpecThatValidateAccepts() throws Exception {
        MeshTrust shared = trust("shared", "east", "west");
        east(shared);
        west(seed -> seed.cacerts(shared.caCerts("west")));
        Path draft = tmp.resolve("discovered.yaml");

        String output = run(0, clusters, "discover", "--context", "kind-east", "--context", "kind-west", "--spec-out", draft.toString());
        assertTrue(output.contains("draft spec written to " + draft + " (valid"), output);

        String yaml = Files.readString(draft);
        assertTrue(yaml.contains("name: kind-east") && yaml.contains("context: kind-west"), yaml);
        assertTrue(yaml.contains("address: 172.18.128.1"), yaml);
        assertTrue(yaml.contains("version: 1.28.0"), yaml);
        assertTrue(yaml.contains("- v2"), yaml);
        String validated = run(0, null, "validate", "-f", draft.toString());
        assertTrue(validated.contains("mesh 'discovered' is valid: 2 clusters, 2 services, 0 exports"), validated);
    }

    @Test
    void anUnreachableClusterIsOneLineNamingItsContext() {
        east(trust("shared", "east"));

        String output = run(2, clusters, "discover", "--context", "kind-east", "--context", "kind-gone");

        assertEquals(1, output.strip().lines().count(), output);
        assertTrue(output.startsWith("cannot discover context 'kind-gone': cluster unreachable"), output);
        assertFalse(output.contains("Exception:") && output.contains("\tat "), output);
    }

    @Test
    void kubeconfigContextsAreCheckedAndAnUnreachableServerIsReported() throws Exception {
        Path kubeconfig = tmp.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: gone
                  cluster: {server: "https://127.0.0.1:1"}
                contexts:
                - name: kind-gone
                  context: {cluster: gone, user: nobody}
                current-context: kind-gone
                users:
                - name: nobody
                  user: {token: not-a-real-token}
                """);

        String missing = run(2, null, "discover", "--kubeconfig", kubeconfig.toString(), "--context", "kind-east");
        assertEquals("cannot discover context 'kind-east': no such context in " + kubeconfig, missing.strip());

        String unreachable = run(2, null, "discover", "--kubeconfig", kubeconfig.toString(), "--context", "kind-gone");
        assertEquals(1, unreachable.strip().lines().count(), unreachable);
        assertTrue(unreachable.startsWith("cannot discover context 'kind-gone': cluster unreachable"), unreachable);
    }
}
