package io.meshfed.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken spec files: each is refused with one problem on one line, quickly, before it is read in full. */
class AdversarialFilesTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    /** Loads the file, expecting exactly one problem; returns it as "path: message". */
    private String refusal(Path file) {
        InvalidSpecException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(InvalidSpecException.class, () -> SpecLoader.load(file)));
        assertEquals(1, e.problems().size(), e.getMessage());
        String line = e.problems().get(0).toString();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.startsWith(file.toString()), line);
        assertEquals(0, e.getStackTrace().length, "a user mistake carries no stack trace");
        return line;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    @Test
    void aYamlAliasBombIsRefusedAtItsFirstAlias() throws IOException {
        StringBuilder bomb = new StringBuilder("name: lol\nclusters: [{name: c1}]\nistio:\n  values:\n    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 30; i++) {
            String previous = "*a" + (i - 1);
            bomb.append("    a").append(i).append(": &a").append(i).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        String line = refusal(write("bomb.yaml", bomb.toString()));
        assertEquals(tmp.resolve("bomb.yaml") + ":6:14: YAML aliases (*a0) are not supported in a mesh spec; write the value out", line);
    }

    @Test
    void aTenMegabyteSpecIsRefusedBeforeItIsRead() throws IOException {
        Path big = tmp.resolve("big.yaml");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("name: big\nclusters: [{name: c1}]\nistio:\n  values:\n".getBytes(StandardCharsets.UTF_8));
            byte[] entry = ("    k: \"" + "x".repeat(90) + "\"\n").getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 10L * 1024 * 1024; written += entry.length) {
                out.write(entry);
            }
        }
        String line = refusal(big);
        assertEquals(big + ": the spec is " + String.format(java.util.Locale.ROOT, "%,d", Files.size(big))
                + " bytes; a mesh spec may have at most 4,194,304 bytes", line);
    }

    @Test
    void aTenMegabyteSpecTextIsRefusedToo() {
        String text = "name: big\nclusters: [{name: c1}]\n#" + "x".repeat(10 * 1024 * 1024) + "\n";
        InvalidSpecException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(InvalidSpecException.class,
                () -> SpecLoader.load(text, "stack config meshfed:mesh")));
        assertEquals("invalid mesh spec (1 problem):\n  stack config meshfed:mesh: the spec is 10,485,795 characters; "
                + "a mesh spec may have at most 4,194,304 bytes", e.getMessage());
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        String deep = "name: deep\nclusters: [{name: c1}]\nistio:\n  values:\n    v: " + "{a: ".repeat(100_000) + "x" + "}".repeat(100_000) + "\n";
        String line = refusal(write("deep.yaml", deep));
        assertEquals(tmp.resolve("deep.yaml") + ": the document nests deeper than 64 levels", line);
    }

    @Test
    void aDuplicateKeyIsRefusedAtItsLine() throws IOException {
        String line = refusal(write("dup.yaml", "name: one\nclusters: [{name: c1}]\nname: two\n"));
        assertTrue(line.startsWith(tmp.resolve("dup.yaml") + ":3:"), line);
        assertTrue(line.endsWith("duplicate key 'name': YAML keeps only one of them; remove the other"), line);
    }

    @Test
    void aDuplicateKeyInsideAListEntryIsRefusedToo() throws IOException {
        String line = refusal(write("dup.yaml", "name: one\nclusters:\n  - name: c1\n    network: a\n    network: b\n"));
        assertTrue(line.startsWith(tmp.resolve("dup.yaml") + ":5:"), line);
        assertTrue(line.endsWith("duplicate key 'network': YAML keeps only one of them; remove the other"), line);
    }

    @Test
    void nonUtf8BytesAreRefusedWithTheirLine() throws IOException {
        Path latin1 = tmp.resolve("latin1.yaml");
        Files.write(latin1, "name: t\nclusters:\n  - name: c1\n    context: k\u00e4se\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin1 + ": not UTF-8 text: byte 0xE4 at line 4 cannot be decoded (save the file as UTF-8)", refusal(latin1));
    }

    @Test
    void aPulumiStackFileWithoutTheMeshKeyIsRefused() throws IOException {
        Path stack = write("Pulumi.dev.yaml", "config:\n  aws:region: eu-west-1\n  meshfed:trustSeed: {secure: abc}\n");
        assertEquals(stack + ": this Pulumi stack file has no 'meshfed:mesh' under 'config'", refusal(stack));
    }

    @Test
    void aDirectoryIsNotASpecFile() {
        assertEquals(tmp + ": is a directory, not a mesh spec file", refusal(tmp));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = tmp.resolve("missing.yaml");
        assertEquals(missing + ": no such file", refusal(missing));
    }
}
