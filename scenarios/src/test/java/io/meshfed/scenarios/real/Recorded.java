package io.meshfed.scenarios.real;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

final class Recorded {
    private Recorded() {
    }

    static String read(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream("/recorded/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded output " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
