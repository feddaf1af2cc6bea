package io.meshfed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.meshfed.spec.SpecLoader;
import io.meshfed.verify.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The meshfed step library. Every step is documented in features/README.md. Steps ask the chosen
 * {@link Backend} questions and never branch on which backend it is.
 */
public class MeshSteps {

    private final MeshWorld world;

    public MeshSteps(MeshWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void chooseBackend(Scenario scenario) {
        world.scenario = scenario;
        String name = Backend.chosen();
        String reason = Backends.unavailableReason(name);
        Assumptions.assumeTrue(reason == null, reason);
        world.backend = Backends.create(name);
    }

    @After(order = 0)
    public void tearDown(Scenario scenario) {
        if (world.backend == null) {
            return;
        }
        try {
            if (scenario.isFailed()) {
                for (Backend.Attachment a : world.backend.diagnostics()) {
                    scenario.attach(a.data(), a.mediaType(), a.name());
                }
            }
        } finally {
            world.backend.close();
        }
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
        world.backend.deploy(world.spec, world.separateRoots);
        world.deployed = true;
        MeshReportLink.attach(world.scenario, world.backend);
    }

    @When("{string} in {string} becomes unhealthy")
    public void unhealthy(String service, String where) {
        world.deployed().markUnhealthy(WorkloadRef.of(service, where));
    }

    @Then("the certificate chains of {string} and {string} share one root")
    public void shareRoot(String a, String b) {
        assertNull(world.deployed().sharedRootProblem(a, b));
    }

    @Then("the certificate chains of {string} and {string} do not share a root")
    public void noSharedRoot(String a, String b) {
        assertNotNull(world.deployed().sharedRootProblem(a, b), a + " and " + b + " share a root");
    }

    @Then("mTLS is {word} for {string} in {string}")
    public void mtlsMode(String mode, String service, String where) {
        assertEquals(mode, world.deployed().mtlsMode(WorkloadRef.of(service, where)));
    }

    @Then("{string} in {string} reaches {string} in {string} over mTLS")
    public void reaches(String src, String srcWhere, String dst, String dstWhere) {
        WorkloadRef s = WorkloadRef.of(src, srcWhere);
        WorkloadRef d = WorkloadRef.of(dst, dstWhere);
        assertNull(world.deployed().mtlsProblem(s, d), "mTLS from " + s.describe() + " to " + d.describe());
        CallAnswer answer = world.deployed().call(s, d, "GET", "/");
        assertTrue(answer.allowed(), answer.reason());
    }

    @Then("{string} in {string} cannot open mTLS to {string} in {string}")
    public void noMtls(String src, String srcWhere, String dst, String dstWhere) {
        assertNotNull(world.deployed().mtlsProblem(WorkloadRef.of(src, srcWhere), WorkloadRef.of(dst, dstWhere)));
    }

    @Then("{string} in {string} is denied by {string} in {string}")
    public void denied(String src, String srcWhere, String dst, String dstWhere) {
        CallAnswer answer = world.deployed().call(WorkloadRef.of(src, srcWhere), WorkloadRef.of(dst, dstWhere), "GET", "/");
        assertFalse(answer.allowed(), answer.reason());
    }

    @Then("{string} in {string} is denied by {string} in {string} because {string}")
    public void deniedBecause(String src, String srcWhere, String dst, String dstWhere, String reason) {
        CallAnswer answer = world.deployed().call(WorkloadRef.of(src, srcWhere), WorkloadRef.of(dst, dstWhere), "GET", "/");
        assertFalse(answer.allowed(), answer.reason());
        assertTrue(answer.reason().contains(reason), "expected the reason to contain \"" + reason + "\" but was: " + answer.reason());
    }

    @Then("{string} in {string} may {word} {string} on {string} in {string}")
    public void mayCall(String src, String srcWhere, String method, String path, String dst, String dstWhere) {
        CallAnswer answer = world.deployed().call(WorkloadRef.of(src, srcWhere), WorkloadRef.of(dst, dstWhere), method, path);
        assertTrue(answer.allowed(), answer.reason());
    }

    @Then("{string} in {string} may not {word} {string} on {string} in {string}")
    public void mayNotCall(String src, String srcWhere, String method, String path, String dst, String dstWhere) {
        CallAnswer answer = world.deployed().call(WorkloadRef.of(src, srcWhere), WorkloadRef.of(dst, dstWhere), method, path);
        assertFalse(answer.allowed(), answer.reason());
    }

    @Then("traffic from {string} in {string} to {string} splits")
    public void splits(String src, String where, String target, DataTable table) {
        assertSplit(world.deployed().sampleSplit(WorkloadRef.of(src, where), target, Request.get()), table);
    }

    @Then("traffic from {string} in {string} to {string} with header {string} = {string} splits")
    public void splitsWithHeader(String src, String where, String target, String header, String value, DataTable table) {
        assertSplit(world.deployed().sampleSplit(WorkloadRef.of(src, where), target, new Request("/", Map.of(header, value))), table);
    }

    @Then("traffic from {string} in {string} to {string} goes to {string}")
    public void goesTo(String src, String where, String target, String cluster) {
        SplitAnswer r = world.deployed().sampleSplit(WorkloadRef.of(src, where), target, Request.get());
        double toCluster = r.percentages().entrySet().stream().filter(e -> e.getKey().startsWith(cluster + "/"))
                .mapToDouble(Map.Entry::getValue).sum();
        assertEquals(100.0, toCluster, r.tolerance().points(100.0, 1), r.describe());
        assertTrue(r.percentages().entrySet().stream().allMatch(e -> e.getKey().startsWith(cluster + "/") || e.getValue() == 0.0),
                r.describe());
    }

    @Then("traffic from {string} in {string} to {string} fails with {string}")
    public void fails(String src, String where, String target, String outcome) {
        SplitAnswer r = world.deployed().sampleSplit(WorkloadRef.of(src, where), target, Request.get());
        assertFalse(r.percentages().isEmpty(), r.describe());
        assertTrue(r.percentages().entrySet().stream().allMatch(e -> e.getValue() == 0.0 || e.getKey().startsWith("-/" + outcome)),
                r.describe());
    }

    @Then("a request from {string} in {string} through {string} ends with status {int} after {int}ms")
    public void chain(String src, String where, String hops, int status, int millis) {
        ChainAnswer o = world.deployed().callThrough(WorkloadRef.of(src, where), List.of(hops.split("\\s*->\\s*")), Request.get());
        if (!o.matches(status, millis)) {
            assertEquals(status + " after " + millis + "ms" + (o.toleranceMillis() == 0 ? "" : " ±" + o.toleranceMillis() + "ms"),
                    o.status() + " after " + o.latencyMillis() + "ms", o.explanation());
        }
    }

    private void assertSplit(SplitAnswer answer, DataTable table) {
        Map<String, Double> expected = new TreeMap<>();
        for (Map<String, String> row : table.asMaps()) {
            String version = row.containsKey("subset") ? row.get("subset") : row.get("version");
            expected.put(row.get("cluster") + "/" + version, Double.parseDouble(row.get("percent")));
        }
        String diff = SplitAssertion.diff(expected, answer);
        if (diff != null) {
            throw new AssertionError(diff);
        }
    }
}
