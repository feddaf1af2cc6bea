package io.meshfed.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.meshfed.provider.FakeEngine.Registration;
import io.meshfed.pulumi.TrustSources;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import io.meshfed.trust.MeshTrustSource;
import io.meshfed.trust.TrustSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;

/**
 * The provider's {@code Construct} path as another Pulumi language drives it, without the pulumi CLI:
 * the engine's gRPC {@code Construct} call goes to pulumi-java's own provider service (the one
 * {@code ComponentProviderHost} serves), which runs an inline deployment against the monitor address
 * in the request; {@link FakeEngine} is that monitor and records what the components register.
 *
 * <p>The trust seed: the provider reads {@code MESHFED_TRUST_SEED} through
 * {@link MeshfedProvider#trustFromEnvironment}; a JVM cannot set its own environment, so the test
 * installs that same factory over a map instead of {@code System::getenv}.
 */
class ConstructTest {

    private static final String MESH = "meshfed:index:Mesh";
    private static final String SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    private static final String SEED = Base64.getEncoder().encodeToString(
            IntStream.range(0, 32).map(i -> i * 7 + 1).collect(StringBuilder::new, (b, i) -> b.append((char) i), StringBuilder::append)
                    .toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    private final Map<String, String> environment = new HashMap<>(Map.of(TrustSeed.ENVIRONMENT_VARIABLE, SEED));
    private FakeEngine engine;
    private ProviderServer provider;
    private String spec;

    @BeforeEach
    void start() throws Exception {
        spec = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("stacks/Pulumi.local.yaml"));
        TrustSources.use(MeshfedProvider.trustFromEnvironment(environment::get));
        engine = new FakeEngine();
        provider = new ProviderServer(engine.address());
    }

    @AfterEach
    void stop() throws Exception {
        provider.close();
        engine.close();
        TrustSources.clear();
    }

    @Test
    void constructingAMeshRegistersTheComponentTreeAndReturnsItsOutputs() {
        ConstructResponse response = construct(MESH, "m", Map.of("spec", string(spec)));

        String meshUrn = "urn:pulumi:test::meshfed-test::meshfed:index:Mesh::m";
        assertEquals(meshUrn, response.getUrn());
        List<Registration> registered = engine.registrations();
        Registration mesh = registered.get(0);
        assertEquals(MESH, mesh.type());
        assertEquals(meshUrn, mesh.urn());
        assertEquals(FakeEngine.STACK_URN, mesh.request().getParent(), "the component is parented where the caller asked");
        assertFalse(mesh.request().getCustom());

        // every child has a parent that was registered before it, and every chain ends at the mesh
        Map<String, Registration> byUrn = new HashMap<>();
        for (Registration r : registered) {
            if (r != mesh) {
                assertTrue(byUrn.containsKey(r.request().getParent()), () -> r.urn() + " has unregistered parent " + r.request().getParent());
                assertTrue(FakeEngine.qualifiedType(r.urn()).startsWith(MESH + "$"), r.urn());
            }
            byUrn.put(r.urn(), r);
        }
        Set<String> stageComponents = registered.stream().filter(r -> r.request().getParent().equals(meshUrn))
                .map(r -> r.type().substring("meshfed:index:".length()) + " " + r.name()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>();
        for (String c : List.of("east", "west")) {
            expected.addAll(List.of("MeshCluster " + c, "IstioInstallation " + c + "-istio", "EastWestGateway " + c + "-eastwest"));
        }
        expected.addAll(List.of("SharedRootTrust local-trust", "MeshFederation local-federation", "AccessPolicy local-access"));
        assertEquals(expected, stageComponents);

        // the west cacerts Secret: under west's trust component, through west's kubernetes provider,
        // holding the CA the seed from MESHFED_TRUST_SEED derives, as a Pulumi secret
        Registration secret = named("west/Secret/istio-system/cacerts");
        assertEquals("kubernetes:core/v1:Secret", secret.type());
        assertEquals("local-trust", byUrn.get(secret.request().getParent()).name());
        Registration westProvider = registered.stream().filter(r -> r.type().equals("pulumi:providers:kubernetes") && r.name().equals("west"))
                .findFirst().orElseThrow();
        assertEquals(westProvider.urn() + "::west-id", secret.request().getProvider(), "provider reference = urn::id");
        Struct stringData = secret.request().getObject().getFieldsOrThrow("stringData").getStructValue();
        assertEquals(SECRET_SIG, stringData.getFieldsOrThrow(SECRET_SIG_KEY).getStringValue(), "stringData must be a Pulumi secret");
        assertTrue(secret.request().getAdditionalSecretOutputsList().contains("stringData"));
        Map<String, Value> files = stringData.getFieldsOrThrow("value").getStructValue().getFieldsMap();
        MeshTrustSource fromSeed = MeshTrustSource.of(load(spec), TrustSeed.fromBase64(SEED));
        assertEquals(fromSeed.cacerts("west").get("ca-key.pem"), files.get("ca-key.pem").getStringValue());
        assertEquals(fromSeed.cacerts("west").get("root-cert.pem"), files.get("root-cert.pem").getStringValue());
        for (Registration r : registered) {
            assertFalse(plainText(Value.newBuilder().setStructValue(r.request().getObject()).build()).contains("PRIVATE KEY"),
                    () -> r.urn() + " sends a private key outside a secret");
        }

        // the construct response state is the component's outputs
        Map<String, Value> state = response.getState().getFieldsMap();
        assertEquals("local", state.get("meshName").getStringValue());
        assertEquals(fromSeed.rootFingerprintSha256(), state.get("rootFingerprintSha256").getStringValue());
        assertNotEquals(MeshTrustSource.of(load(spec), TrustSeed.fromBase64(Base64.getEncoder().encodeToString(new byte[32])))
                .rootFingerprintSha256(), fromSeed.rootFingerprintSha256(), "the fingerprint must depend on the seed");
        assertEquals(Map.of("east", "172.18.64.1", "west", "172.18.128.1"), strings(state.get("eastWestGatewayAddresses")));
        Map<String, Double> counts = new TreeMap<>();
        state.get("objectCounts").getStructValue().getFieldsMap().forEach((k, v) -> counts.put(k, v.getNumberValue()));
        Map<String, Double> expectedCounts = new TreeMap<>();
        Plans.mesh(spec).clusters().forEach(c -> expectedCounts.put(c.cluster(), (double) (c.objects().size() + c.releases().size())));
        assertEquals(expectedCounts, counts);
        Struct meshOutputs = engine.registeredOutputs().stream().filter(o -> o.getUrn().equals(meshUrn)).findFirst().orElseThrow().getOutputs();
        for (String output : List.of("meshName", "rootFingerprintSha256", "eastWestGatewayAddresses", "objectCounts")) {
            assertEquals(meshOutputs.getFieldsOrThrow(output), state.get(output), output + ": response state = registered outputs");
        }
        assertNoErrorsLogged();
    }

    /**
     * The typed components one construct at a time, as another language drives them: a MeshCluster
     * returns its reference and its Kubernetes provider as a resource reference; that reference, as
     * the next construct's input, makes SharedRootTrust and IstioInstallation register through the
     * cluster's provider; the cacerts output is a secret.
     */
    @Test
    void typedComponentsComposeAcrossConstructsThroughReferences() {
        ConstructResponse cluster = construct("meshfed:index:MeshCluster", "east", Map.of("mesh", string("demo"), "name", string("east"),
                "kubeconfig", secret(string("apiVersion: v1\nkind: Config\n"))));
        Map<String, Value> clusterState = cluster.getState().getFieldsMap();
        Registration provider = engine.registrations().stream().filter(r -> r.type().equals("pulumi:providers:kubernetes")).findFirst().orElseThrow();
        Map<String, Value> providerReference = clusterState.get("kubernetesProvider").getStructValue().getFieldsMap();
        assertEquals(RESOURCE_SIG, providerReference.get(SECRET_SIG_KEY).getStringValue(), "the provider comes back as a resource reference");
        assertEquals(provider.urn(), providerReference.get("urn").getStringValue());
        assertEquals("east-id", providerReference.get("id").getStringValue());
        Value reference = clusterState.get("reference");
        assertEquals(provider.urn() + "::east-id", reference.getStructValue().getFieldsOrThrow("kubernetesProvider").getStringValue());
        assertEquals("spiffe://east", clusterState.get("identity").getStringValue());

        ConstructResponse trust = construct("meshfed:index:SharedRootTrust", "trust", Map.of("clusters", list(reference),
                "seed", secret(string(SEED))));
        Registration secret = named("east/Secret/istio-system/cacerts");
        assertEquals(provider.urn() + "::east-id", secret.request().getProvider(), "the Secret goes through the cluster's provider");
        Map<String, Value> trustState = trust.getState().getFieldsMap();
        assertEquals(SECRET_SIG, trustState.get("cacerts").getStructValue().getFieldsOrThrow(SECRET_SIG_KEY).getStringValue(), "cacerts output");
        assertTrue(trustState.get("rootCertificates").getStringValue().contains("BEGIN CERTIFICATE"));

        construct("meshfed:index:IstioInstallation", "east-istio", Map.of("cluster", reference, "trust", trustState.get("reference"),
                "rootCertificates", trustState.get("rootCertificates")));
        List<Registration> releases = engine.registrations().stream().filter(r -> r.type().equals("kubernetes:helm.sh/v3:Release")).toList();
        assertEquals(List.of("east/helm/istio-base", "east/helm/istiod"), releases.stream().map(Registration::name).sorted().toList());
        releases.forEach(r -> assertEquals(provider.urn() + "::east-id", r.request().getProvider(), r.name()));
        for (Registration r : engine.registrations()) {
            assertFalse(plainText(Value.newBuilder().setStructValue(r.request().getObject()).build()).contains("PRIVATE KEY"),
                    () -> r.urn() + " sends a private key outside a secret");
        }
        assertNoErrorsLogged();
    }

    @Test
    void anInvalidSpecFailsConstructWithTheValidationReportAndRegistersNoChild() {
        String bad = spec.replace("cluster: west, serviceAccount: httpbin", "cluster: north, serviceAccount: httpbin")
                .replace("mtls: STRICT", "mtls: SOMETIMES");
        assertNotEquals(spec, bad);

        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
                () -> construct(MESH, "m", Map.of("spec", string(bad))));

        // pulumi-java puts "Multiple exceptions occurred" in the gRPC status; the report reaches the
        // user as the error the deployment logs to the engine
        assertEquals(Status.Code.INTERNAL, failure.getStatus().getCode());
        String report = errorsLogged();
        assertTrue(report.contains("invalid mesh spec (3 problems)"), report);
        assertTrue(report.contains("services[1].cluster: unknown cluster 'north'"), report);
        assertTrue(report.contains("federation.exports[0].from[0]: cluster 'west' does not declare service httpbin.httpbin"), report);
        assertTrue(report.contains("access.mtls: 'SOMETIMES' is not one of STRICT, PERMISSIVE, DISABLE"), report);
        for (Registration r : engine.registrations()) {
            assertEquals(MESH, r.type(), () -> "registered a child: " + r.urn());
        }
    }

    @Test
    void theValidatorsSyntaxAndUniquenessChecksFailConstructWithTheirFieldPaths() {
        String bad = spec.replace("        network: east\n", "        network: east\n        trustDomain: ünïcode\n")
                .replace("      mtls: STRICT", "      mtls: STRICT\n      namespaceIsolation: [{namespace: httpbin}, {cluster: west, namespace: httpbin}, ~]");
        assertNotEquals(spec, bad);

        assertThrows(StatusRuntimeException.class, () -> construct(MESH, "m", Map.of("spec", string(bad))));

        String report = errorsLogged();
        assertTrue(report.contains("invalid mesh spec (3 problems)"), report);
        assertTrue(report.contains("clusters[0].trustDomain: 'ünïcode' is not a SPIFFE trust domain"), report);
        assertTrue(report.contains("access.namespaceIsolation[1]: namespace 'httpbin' is already isolated in every cluster by "
                + "access.namespaceIsolation[0]"), report);
        assertTrue(report.contains("access.namespaceIsolation[2]: empty entry: fill it in or remove it"), report);
        for (Registration r : engine.registrations()) {
            assertEquals(MESH, r.type(), () -> "registered a child: " + r.urn());
        }
    }

    @Test
    void withoutMeshfedTrustSeedConstructFailsAndSaysWhatToSet() {
        environment.remove(TrustSeed.ENVIRONMENT_VARIABLE);

        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
                () -> construct(MESH, "m", Map.of("spec", string(spec))));

        assertEquals(Status.Code.INTERNAL, failure.getStatus().getCode());
        assertTrue(errorsLogged().contains("set MESHFED_TRUST_SEED (base64 trust seed) for the meshfed provider"), errorsLogged());
        for (Registration r : engine.registrations()) {
            assertEquals(MESH, r.type(), () -> "registered a child: " + r.urn());
        }
    }

    private ConstructResponse construct(String type, String name, Map<String, Value> inputs) {
        return provider.stub().construct(ConstructRequest.newBuilder()
                .setProject(FakeEngine.PROJECT).setStack(FakeEngine.STACK)
                .setMonitorEndpoint(engine.address())
                .setParent(FakeEngine.STACK_URN)
                .setType(type).setName(name)
                .setInputs(Struct.newBuilder().putAllFields(inputs))
                .setAcceptsOutputValues(false)
                .build());
    }

    private Registration named(String name) {
        return engine.registrations().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing registered as " + name));
    }

    private String errorsLogged() {
        return engine.logs().stream().filter(l -> l.getSeverity() == LogSeverity.ERROR).map(l -> l.getMessage())
                .collect(Collectors.joining("\n"));
    }

    private void assertNoErrorsLogged() {
        List<String> errors = engine.logs().stream()
                .filter(l -> l.getSeverity() == LogSeverity.ERROR || l.getSeverity() == LogSeverity.WARNING)
                .map(l -> l.getMessage()).toList();
        assertEquals(List.of(), errors);
    }

    private static Value string(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static Value secret(Value value) {
        return Value.newBuilder().setStructValue(Struct.newBuilder().putFields(SECRET_SIG_KEY, string(SECRET_SIG)).putFields("value", value))
                .build();
    }

    private static Value list(Value... values) {
        return Value.newBuilder().setListValue(com.google.protobuf.ListValue.newBuilder().addAllValues(List.of(values))).build();
    }

    private static MeshSpec load(String text) {
        return SpecLoader.load(text, "test");
    }

    private static Map<String, String> strings(Value value) {
        Map<String, String> map = new TreeMap<>();
        value.getStructValue().getFieldsMap().forEach((k, v) -> map.put(k, v.getStringValue()));
        return map;
    }

    /** Every string in a value, except inside Pulumi secrets. */
    private static String plainText(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> value.getStringValue();
            case LIST_VALUE -> value.getListValue().getValuesList().stream().map(ConstructTest::plainText).collect(Collectors.joining("\n"));
            case STRUCT_VALUE -> {
                Map<String, Value> fields = value.getStructValue().getFieldsMap();
                Value sig = fields.get(SECRET_SIG_KEY);
                yield sig != null && sig.getStringValue().equals(SECRET_SIG) ? ""
                        : fields.values().stream().map(ConstructTest::plainText).collect(Collectors.joining("\n"));
            }
            default -> "";
        };
    }
}
