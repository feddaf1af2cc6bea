package io.meshfed.spec;

import java.util.List;

/**
 * Exports one service. {@code from}: the backing clusters (default every cluster declaring it);
 * {@code to}: the consuming clusters (default every cluster of the mesh).
 */
public record ExportSpec(String service, String namespace, List<String> from, List<String> to) {

    public ExportSpec {
        namespace = namespace == null ? "default" : namespace;
        from = Lists.of(from);
        to = Lists.of(to);
    }
}
