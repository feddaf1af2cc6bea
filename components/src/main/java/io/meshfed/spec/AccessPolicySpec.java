package io.meshfed.spec;

import java.util.List;

/** Allows the sources (any of {@code from}; anyone when empty) to reach the selected destinations. */
public record AccessPolicySpec(
        String name,
        List<SourceSpec> from,
        DestinationSelectorSpec to,
        List<String> methods,
        List<String> paths,
        List<Integer> ports) {

    public AccessPolicySpec {
        from = Lists.of(from);
        to = to == null ? DestinationSelectorSpec.everything() : to;
        methods = Lists.of(methods);
        paths = Lists.of(paths);
        ports = Lists.of(ports);
    }
}
