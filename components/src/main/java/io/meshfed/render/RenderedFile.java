package io.meshfed.render;

/** One file of a rendering, relative to the output directory. */
public record RenderedFile(String path, String content) {
}
