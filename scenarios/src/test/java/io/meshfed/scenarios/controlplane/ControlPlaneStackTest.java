package io.meshfed.scenarios.controlplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.meshfed.cli.MeshfedMain;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecFiles;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example stack {@code local} on real API servers, by the real {@code pulumi up}: every rendered
 * object is accepted by the API server (with Istio's CRDs from the base chart), a second {@code up}
 * changes nothing, {@code meshfed discover} reads the mesh back, and {@code pulumi destroy} removes
 * meshfed's objects but keeps namespaces. Skipped, with the reason, where the parts are not built.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlPlaneStackTest {

    private static ControlPlaneEnvironment environment;
    private static MeshSpec spec;
    private static ControlPlaneEnvironment.Deployment first;

    @BeforeAll
    static void deploy(@TempDir Path dir) {
        ControlPlaneParts parts = ControlPlaneParts.locate();
        String reason = ControlPlaneEnvironment.unavailableReason(parts);
        assumeTrue(reason == null, reason);
        spec = SpecLoader.load(SpecFiles.read(repository().resolve("stacks/Pulumi.local.yaml")), "stacks/Pulumi.local.yaml");
        environment = ControlPlaneEnvironment.create(parts, dir);
        first = environment.deploy(spec);
    }

    @AfterAll
    static void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    static Path repository() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(dir.resolve("stacks")) ? dir : dir.getParent();
    }

    @Test
    @Order(1)
    void everyRenderedObjectIsStoredByItsApiServer() {
        assertTrue(first.changes().getOrDefault("create", 0) > 0, "pulumi up created nothing: " + first.changes());
        for (ClusterPlan cluster : first.plan().clusters()) {
            try (KubernetesClient client = environment.view().client(cluster.cluster())) {
                for (MeshObject o : cluster.objects()) {
                    assertNotNull(live(client, o), cluster.cluster() + ": " + o.kind() + " " + o.key() + " is not in the API server");
                }
            }
        }
    }

    @Test
    @Order(2)
    void aSecondUpChangesNothing() {
        ControlPlaneEnvironment.Deployment second = environment.deploy(spec);
        assertTrue(second.repeat());
        assertEquals(0, second.changed(), "second pulumi up: " + second.changes());
    }

    /**
     * The real istiod accepts meshfed's mesh config without a word: it validates the effective mesh
     * config at start and logs any warning (Istio 1.30.3 pkg/config/mesh/mesh.go, "warnings occurred
     * during mesh validation"), and it logs every object it rejects.
     */
    @Test
    @Order(3)
    void istiodFindsNothingToWarnAboutInTheMeshConfig() {
        for (ClusterPlan cluster : first.plan().clusters()) {
            String log = environment.istiodLog(cluster.cluster());
            assertTrue(log.contains("ready"), "istiod " + cluster.cluster() + " log has no readiness line:\n" + log);
            assertTrue(!log.contains("warnings occurred during mesh validation"), "istiod " + cluster.cluster() + ":\n" + log);
        }
    }

    /**
     * istiod's CA signs with the intermediate meshfed generated: certificates requested from the
     * running istiod of each cluster (CSR + service-account token, as pilot-agent does) are issued by
     * that cluster's {@code ca-cert.pem} of the plan, carry the workload's SPIFFE ID, and complete a
     * cross-cluster mTLS handshake in which each side accepts the other's identity.
     */
    @Test
    @Order(4)
    void istiodSignsWorkloadCertificatesWithThePluggedInIntermediate() throws Exception {
        var sleep = environment.workloadCertificate("east", "sleep", "sleep");
        var httpbin = environment.workloadCertificate("west", "httpbin", "httpbin");
        for (var issued : java.util.List.of(java.util.Map.entry("east", sleep), java.util.Map.entry("west", httpbin))) {
            var intermediate = io.meshfed.trust.Certificates.parsePem(renderedCaCert(issued.getKey())).get(0);
            issued.getValue().certificate().verify(intermediate.getPublicKey());
            assertEquals(intermediate.getSubjectX500Principal(), issued.getValue().certificate().getIssuerX500Principal());
            assertTrue(issued.getValue().certificate().getSubjectAlternativeNames().stream()
                    .anyMatch(san -> san.get(1).equals(issued.getValue().spiffeId())), issued.getValue().toString());
        }
        var handshake = io.meshfed.trust.MtlsHandshake.run(sleep, java.util.Set.of(httpbin.spiffeId()), httpbin, java.util.Set.of(sleep.spiffeId()));
        assertTrue(handshake.succeeded(), handshake.toString());
        assertEquals(sleep.spiffeId(), handshake.serverSawPeer());
        assertEquals(httpbin.spiffeId(), handshake.clientSawPeer());
    }

    /**
     * Server-side validation is the API server's: a DestinationRule breaking a CEL rule of Istio's CRD
     * (loadBalancer.warmupDurationSecs: "must be a valid duration greater than 1ms", base chart
     * crd-all.gen.yaml) is refused, and pulumi up reports the API server's message.
     */
    @Test
    @Order(5)
    void anInvalidObjectIsRefusedWithTheApiServersMessage(@TempDir Path dir) throws Exception {
        String kubeconfig = Files.readString(environment.view().kubeconfig());
        java.util.function.Consumer<com.pulumi.Context> program = ctx -> {
            var provider = new com.pulumi.kubernetes.Provider("east", com.pulumi.kubernetes.ProviderArgs.builder()
                    .kubeconfig(kubeconfig).context("kind-east").build());
            new io.meshfed.pulumi.internal.KubernetesObject("refused", "networking.istio.io/v1", "DestinationRule",
                    io.meshfed.pulumi.internal.KubernetesObjectArgs.of(java.util.Map.of(
                            "apiVersion", "networking.istio.io/v1", "kind", "DestinationRule",
                            "metadata", java.util.Map.of("name", "too-short-warmup", "namespace", "httpbin"),
                            "spec", java.util.Map.of("host", "httpbin", "trafficPolicy", java.util.Map.of("loadBalancer",
                                    java.util.Map.of("simple", "ROUND_ROBIN", "warmupDurationSecs", "0.5ms"))))),
                    com.pulumi.resources.CustomResourceOptions.builder().provider(provider).build());
        };
        var options = com.pulumi.automation.LocalWorkspaceOptions.builder().workDir(dir)
                .environmentVariables(new InlineStack(dir, ControlPlaneParts.locate()).environment()).build();
        Files.createDirectories(dir.resolve("state"));
        var stack = com.pulumi.automation.LocalWorkspace.createOrSelectStack("meshfed-refusal", "refused", program, options);
        var refusal = org.junit.jupiter.api.Assertions.assertThrows(com.pulumi.automation.AutomationException.class,
                () -> stack.up(com.pulumi.automation.UpOptions.builder().build()));
        assertTrue(refusal.getMessage().contains("must be a valid duration greater than 1ms"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("DestinationRule"), refusal.getMessage());
    }

    @Test
    @Order(6)
    void discoverReadsTheMeshBack(@TempDir Path out) throws Exception {
        Path draft = out.resolve("discovered.yaml");
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        int exit;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            exit = MeshfedMain.run("discover", "--kubeconfig", environment.view().kubeconfig().toString(),
                    "--context", "kind-east", "--context", "kind-west", "--spec-out", draft.toString());
        } finally {
            System.setOut(stdout);
        }
        String report = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, exit, "meshfed discover exit code:\n" + report);
        String root = first.plan().rootFingerprintSha256().replace(":", "").toLowerCase(java.util.Locale.ROOT);
        assertEquals(2, report.split("root of trust: sha256 " + root, -1).length - 1,
                "both clusters' root of trust is the stack's root " + root + ":\n" + report);
        String text = Files.readString(draft);
        assertTrue(text.contains("httpbin") && text.contains("sleep"), "discovered services:\n" + text);
        assertEquals(0, MeshfedMain.run("validate", "-f", draft.toString()), "meshfed validate of the discovered draft:\n" + text);
        MeshSpec discovered = SpecLoader.load(text, draft.toString());
        assertEquals(2, discovered.clusters().size(), text);
    }

    @Test
    @Order(7)
    void destroyRemovesMeshfedsObjectsAndKeepsNamespaces() {
        int deleted = environment.destroy();
        assertTrue(deleted > 0, "pulumi destroy deleted nothing");
        for (ClusterPlan cluster : first.plan().clusters()) {
            try (KubernetesClient client = environment.view().client(cluster.cluster())) {
                for (MeshObject o : cluster.objects()) {
                    if (o.kind().equals("Namespace")) {
                        assertNotNull(live(client, o), "namespace " + o.key() + " was deleted");
                    } else {
                        assertNull(live(client, o), cluster.cluster() + ": " + o.kind() + " " + o.key() + " survived pulumi destroy");
                    }
                }
            }
        }
    }

    /** ca-cert.pem of the cluster's rendered istio-system/cacerts Secret: the intermediate meshfed generated. */
    private static String renderedCaCert(String cluster) {
        return first.plan().cluster(cluster).ofType(io.fabric8.kubernetes.api.model.Secret.class).stream()
                .filter(x -> x.getMetadata().getName().equals("cacerts")).findFirst().orElseThrow()
                .getStringData().get("ca-cert.pem");
    }

    private static GenericKubernetesResource live(KubernetesClient client, MeshObject o) {
        String apiVersion = o.object().getApiVersion();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String plural = io.fabric8.kubernetes.api.Pluralize.toPlural(o.kind().toLowerCase(java.util.Locale.ROOT));
        boolean namespaced = o.object().getMetadata().getNamespace() != null;
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version)
                .withKind(o.kind()).withPlural(plural).withNamespaced(namespaced).build();
        var resources = client.genericKubernetesResources(context);
        return namespaced ? resources.inNamespace(o.object().getMetadata().getNamespace()).withName(o.object().getMetadata().getName()).get()
                : resources.withName(o.object().getMetadata().getName()).get();
    }
}
