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

    public static Output<List<Resource>> plus(Output<List<Resource>> base, List<? extends Resource> extra) {
        List<Resource> copy = List.copyOf(extra);
        return base.applyValue(list -> {
            List<Resource> all = new ArrayList<>(list);
            all.addAll(copy);
            return List.copyOf(all);
        });
    }
}
