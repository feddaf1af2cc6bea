package io.meshfed.translate;

import io.meshfed.render.RenderedFile;
import io.meshfed.render.Renderer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Prints the SHA-256 of a full rendering (secrets included), so another JVM's result can be compared. */
public final class RenderDigest {

    private RenderDigest() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(digest(args[0]));
    }

    static String digest(String stack) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (RenderedFile file : new Renderer(true).render(Examples.plan(stack))) {
            sha.update(file.path().getBytes(StandardCharsets.UTF_8));
            sha.update(file.content().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
