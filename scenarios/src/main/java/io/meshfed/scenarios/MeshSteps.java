package io.meshfed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.Translator;
import io.meshfed.verify.AccessDecision;
import io.meshfed.verify.MeshSimulator;
import io.meshfed.verify.Request;
import io.meshfed.verify.RouteResult;
import io.meshfed.verify.SimulatedTrust;
import io.meshfed.verify.TrustCheck;
import io.meshfed.verify.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;

/** The meshfed step library. Every step is documented in features/README.md. */
public class MeshSteps {

    private static final double TOLERANCE = Double.parseDouble(System.getProperty("meshfed.split.tolerance", "0.01"));
    private final MeshWorld world;

    public MeshSteps(MeshWorld world) {
        this.world = world;
    }

    @Before
    public void chooseBackend() {
        String name = Backend.chosen();
        Assumptions.assumeTrue(name.equals("simulated"), "backend \"" + name + "\" is not available in this build (only \"simulated\")");
        world.backend = new SimulatedBackend();
    }

    @Given("the mesh {string}")
    public void theMeshFile(String path) throws Exception {
        Path file = Path.of(path);
        if (!Files.exists(file)) {
            file = Path.of("..").resolve(path);
        }
        world.spec = SpecLoader.load(file);
    }

    @Given("the mesh:")
    public void theMeshInline(String yaml) {
        world.spec = SpecLoader.load(yaml, "inline mesh");
    }

    @Given("each cluster has its own root of trust")
    public void separateRoots() {
        world.separateRoots = true;
    }

    @When("the mesh is deployed")
    public void deploy() {
        var trust = world.separateRoots ? SimulatedTrust.separateRoots(world.spec) : SimulatedTrust.shared(world.spec);
        world.mesh = world.backend.deploy(Translator.translate(world.spec, trust));
    }

    @When("{string} in {string} becomes unhealthy")
    public void unhealthy(String service, String where) {
        Workload w = workload(service, where);
        world.deployed().health().markUnhealthy(w.cluster(), w.namespace(), w.service());
    }

    @Then("the certificate chains of {string} and {string} share one root")
    public void shareRoot(String a, String b) {
        assertNull(new TrustCheck(world.deployed().plan()).sharedRootProblem(a, b));
    }

    @Then("the certificate chains of {string} and {string} do not share a root")
    public void noSharedRoot(String a, String b) {
        assertNotNull(new TrustCheck(world.deployed().plan()).sharedRootProblem(a, b), a + " and " + b + " share a root");
    }

    @Then("mTLS is {word} for {string} in {string}")
    public void mtlsMode(String mode, String service, String where) {
        assertEquals(mode, world.deployed().peerAuthenticationMode(workload(service, where)));
    }

    @Then("{string} in {string} reaches {string} in {string} over mTLS")
    public void reaches(String src, String srcWhere, String dst, String dstWhere) {
        Workload s = workload(src, srcWhere);
        Workload d = workload(dst, dstWhere);
        assertNull(world.deployed().mtlsProblem(s, d), "mTLS from " + s.describe() + " to " + d.describe());
        AccessDecision decision = world.deployed().access(s, d, "GET", "/");
        assertTrue(decision.allowed(), decision.reason());
    }

    @Then("{string} in {string} cannot open mTLS to {string} in {string}")
    public void noMtls(String src, String srcWhere, String dst, String dstWhere) {
        assertNotNull(world.deployed().mtlsProblem(workload(src, srcWhere), workload(dst, dstWhere)));
    }

    @Then("{string} in {string} is denied by {string} in {string}")
    public void denied(String src, String srcWhere, String dst, String dstWhere) {
        AccessDecision decision = world.deployed().access(workload(src, srcWhere), workload(dst, dstWhere), "GET", "/");
        assertFalse(decision.allowed(), decision.reason());
    }

    @Then("{string} in {string} is denied by {string} in {string} because {string}")
    public void deniedBecause(String src, String srcWhere, String dst, String dstWhere, String reason) {
        AccessDecision decision = world.deployed().access(workload(src, srcWhere), workload(dst, dstWhere), "GET", "/");
        assertFalse(decision.allowed(), decision.reason());
        assertTrue(decision.reason().contains(reason), "expected the reason to contain \"" + reason + "\" but was: " + decision.reason());
    }

    @Then("{string} in {string} may {word} {string} on {string} in {string}")
    public void mayCall(String src, String srcWhere, String method, String path, String dst, String dstWhere) {
        AccessDecision d = world.deployed().access(workload(src, srcWhere), workload(dst, dstWhere), method, path);
        assertTrue(d.allowed(), d.reason());
    }

    @Then("{string} in {string} may not {word} {string} on {string} in {string}")
    public void mayNotCall(String src, String srcWhere, String method, String path, String dst, String dstWhere) {
        AccessDecision d = world.deployed().access(workload(src, srcWhere), workload(dst, dstWhere), method, path);
        assertFalse(d.allowed(), d.reason());
    }

    @Then("traffic from {string} in {string} to {string} splits")
    public void splits(String src, String where, String target, DataTable table) {
        assertSplit(world.deployed().route(workload(src, where), target, Request.get()), table);
    }

    @Then("traffic from {string} in {string} to {string} with header {string} = {string} splits")
    public void splitsWithHeader(String src, String where, String target, String header, String value, DataTable table) {
        assertSplit(world.deployed().route(workload(src, where), target, new Request("/", Map.of(header, value))), table);
    }

    @Then("traffic from {string} in {string} to {string} goes to {string}")
    public void goesTo(String src, String where, String target, String cluster) {
        RouteResult r = world.deployed().route(workload(src, where), target, Request.get());
        assertEquals(List.of(cluster), r.clustersServing(), r.describe());
        assertEquals(100.0, r.percentages().entrySet().stream().filter(e -> e.getKey().startsWith(cluster + "/"))
                .mapToDouble(Map.Entry::getValue).sum(), TOLERANCE, r.describe());
    }

    @Then("traffic from {string} in {string} to {string} fails with {string}")
    public void fails(String src, String where, String target, String outcome) {
        RouteResult r = world.deployed().route(workload(src, where), target, Request.get());
        assertTrue(r.shares().stream().allMatch(s -> !s.ok() && s.outcome().startsWith(outcome)), r.describe());
    }

    @Then("a request from {string} in {string} through {string} ends with status {int} after {int}ms")
    public void chain(String src, String where, String hops, int status, int millis) {
        MeshSimulator.CallOutcome o = world.deployed().call(workload(src, where), List.of(hops.split("\\s*->\\s*")), Request.get());
        assertEquals(status + " after " + millis + "ms", o.status() + " after " + o.latency().toMillis() + "ms", o.explanation());
    }

    private void assertSplit(RouteResult result, DataTable table) {
        Map<String, Double> expected = new TreeMap<>();
        for (Map<String, String> row : table.asMaps()) {
            String version = row.containsKey("subset") ? row.get("subset") : row.get("version");
            expected.put(row.get("cluster") + "/" + version, Double.parseDouble(row.get("percent")));
        }
        Map<String, Double> actual = new TreeMap<>(result.percentages());
        boolean equal = expected.keySet().equals(actual.keySet())
                && expected.entrySet().stream().allMatch(e -> Math.abs(e.getValue() - actual.get(e.getKey())) <= TOLERANCE);
        if (!equal) {
            StringBuilder diff = new StringBuilder("split differs (" + result.rule() + " for " + result.host() + ")\n  | cluster/subset | expected | actual |\n");
            java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
            keys.addAll(actual.keySet());
            for (String k : keys) {
                diff.append(String.format("  | %-14s | %8s | %6s |%s%n", k, fmt(expected.get(k)), fmt(actual.get(k)),
                        java.util.Objects.equals(fmt(expected.get(k)), fmt(actual.get(k))) ? "" : "  <-- differs"));
            }
            throw new AssertionError(diff.toString());
        }
    }

    private static String fmt(Double d) {
        return d == null ? "-" : String.format("%.2f", d);
    }

    private Workload workload(String service, String where) {
        String[] parts = where.split("/");
        return world.deployed().workload(service, parts[0], parts[1]);
    }
}
