package io.meshfed.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a spec file within bounds: a regular file, at most {@link #MAX_BYTES}, UTF-8. Each refusal
 * is one problem naming the file, raised before the content is parsed (or, for an oversized file,
 * read at all).
 */
public final class SpecFiles {

    /** 4 MiB: a mesh of 100 clusters and 1,000 services with three policies each takes about 1.5 MB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private SpecFiles() {
    }

    public static String read(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw refused(source, "is a directory, not a mesh spec file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw refused(source, tooLarge(size, "bytes"));
            }
            return utf8(Files.readAllBytes(file), source);
        } catch (NoSuchFileException e) {
            throw refused(source, "no such file");
        } catch (IOException e) {
            throw refused(source, "cannot read: " + e.getMessage());
        }
    }

    /** Refuses a spec text longer than the file limit (Pulumi config and component inputs arrive as text). */
    static void requireWithinLimit(String text, String source) {
        if (text.length() > MAX_BYTES) {
            throw refused(source, tooLarge(text.length(), "characters"));
        }
    }

    private static String tooLarge(long size, String unit) {
        return String.format(Locale.ROOT, "the spec is %,d %s; a mesh spec may have at most %,d bytes", size, unit, MAX_BYTES);
    }

    private static String utf8(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw refused(source, String.format(Locale.ROOT, "not UTF-8 text: byte 0x%02X at line %d cannot be decoded (save the file as UTF-8)",
                    bytes[offset] & 0xff, lineOf(bytes, offset)));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static InvalidSpecException refused(String source, String message) {
        return new InvalidSpecException(List.of(new Problem(source, message)));
    }
}
