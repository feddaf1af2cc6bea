package io.meshfed.pulumi.internal;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/** The dependsOn a component received, handed on to its children (Pulumi does not do this itself). */
public final class Dependencies {

    private Dependencies() {
    }

    public static Output<List<Resource>> of(@Nullable ComponentResourceOptions options) {
        if (options == null || options.getDependsOn() == null) {
            return Output.of(List.of());
        }
        return options.getDependsOn();
    }

    /**
     * {@code options} with {@code upstream} added to its dependsOn: a component waits for the
     * components its inputs came from, so the order is visible in the resource graph.
     */
    public static ComponentResourceOptions after(@Nullable ComponentResourceOptions options, List<? extends Resource> upstream) {
        ComponentResourceOptions base = options == null ? ComponentResourceOptions.Empty : options;
        if (upstream.isEmpty()) {
            return base;
        }
        return ComponentResourceOptions.merge(base, ComponentResourceOptions.builder().dependsOn(List.copyOf(upstream)).build());
    }

    public static Output<List<Resource>> plus(Output<List<Resource>> base, List<? extends Resource> extra) {
        List<Resource> copy = List.copyOf(extra);
        return base.applyValue(list -> {
            List<Resource> all = new ArrayList<>(list);
            all.addAll(copy);
            return List.copyOf(all);
        });
    }
}
