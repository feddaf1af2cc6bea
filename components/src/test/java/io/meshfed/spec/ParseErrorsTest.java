package io.meshfed.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parse errors name the file, line, column and field path, and carry no stack trace. */
class ParseErrorsTest {

    @Test
    void wrongTypeNamesLineAndPath() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> SpecLoader.load("""
                name: t
                clusters:
                  - name: c1
                    network: [a, b]
                """, "mesh.yaml"));
        assertEquals("mesh.yaml:4:14: clusters[0].network", e.problems().get(0).path());
        assertEquals("expected a string here", e.problems().get(0).message());
        assertEquals(0, e.getStackTrace().length);
    }

    @Test
    void unknownFieldListsTheKnownOnes() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> SpecLoader.load("name: t\nclusters:\n  - name: c1\n    netwrk: n\n", "mesh.yaml"));
        assertEquals("mesh.yaml:4:5: clusters[0].netwrk", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().startsWith("unknown field 'netwrk' (known fields: context, eastWestGateway"), e.getMessage());
    }

    @Test
    void unknownFieldNamesItsOwnLineNotTheEndOfItsMapping() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> SpecLoader.load("""
                name: t
                clusters:
                  - name: c1
                  - name: c2
                    netwrk:
                      region: r
                    network: n2
                    trustDomain: c2
                """, "mesh.yaml"));
        assertEquals("invalid mesh spec (1 problem):\n"
                + "  mesh.yaml:5:5: clusters[1].netwrk: unknown field 'netwrk'"
                + " (known fields: context, eastWestGateway, kubeconfig, locality, name, network, trustDomain)", e.getMessage());
    }

    @Test
    void unknownFieldInFlowStyleAtTopLevelAndInStackFiles() {
        InvalidSpecException flow = assertThrows(InvalidSpecException.class,
                () -> SpecLoader.load("name: t\nclusters: [{name: c1, netwrk: n}]\n", "mesh.yaml"));
        assertEquals("mesh.yaml:2:23: clusters[0].netwrk", flow.problems().get(0).path());
        InvalidSpecException top = assertThrows(InvalidSpecException.class,
                () -> SpecLoader.load("name: t\nbogus: 1\nclusters: [{name: c1}]\n", "mesh.yaml"));
        assertEquals("mesh.yaml:2:1: bogus", top.problems().get(0).path());
        InvalidSpecException stack = assertThrows(InvalidSpecException.class, () -> SpecLoader.load("""
                config:
                  meshfed:mesh:
                    name: t
                    clusters:
                      - name: c1
                        netwrk: n
                """, "Pulumi.dev.yaml"));
        assertEquals("Pulumi.dev.yaml:6:9: clusters[0].netwrk", stack.problems().get(0).path());
    }

    @Test
    void wrongNumberNamesTheValue() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> SpecLoader.load(
                "name: t\nclusters: [{name: c1}]\nservices:\n  - {name: a, cluster: c1, ports: [{number: eighty}]}\n", "mesh.yaml"));
        assertEquals("services[0].ports[0].number", e.problems().get(0).path().replaceFirst("^mesh.yaml:\\d+:\\d+: ", ""));
        assertEquals("expected a number but found 'eighty'", e.problems().get(0).message());
    }

    @Test
    void malformedYamlNamesTheLine() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> SpecLoader.load("name: \"unclosed\nclusters: []\n", "mesh.yaml"));
        assertTrue(e.problems().get(0).path().startsWith("mesh.yaml:"), e.getMessage());
        assertTrue(e.problems().get(0).message().startsWith("malformed YAML"), e.getMessage());
        assertFalse(e.problems().get(0).message().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void stackFileLinesAreThoseOfTheWholeFile() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> SpecLoader.load("""
                config:
                  meshfed:mesh:
                    name: t
                    clusters:
                      - name: c1
                        network: {a: b}
                """, "Pulumi.dev.yaml"));
        assertEquals("Pulumi.dev.yaml:6:18: clusters[0].network", e.problems().get(0).path());
    }
}
