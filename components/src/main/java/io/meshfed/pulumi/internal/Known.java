package io.meshfed.pulumi.internal;

import com.google.common.collect.ImmutableSet;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Structural inputs typed {@code Output} so that other languages can pass another component's output
 * straight in (a reference, a list of references). A component needs them when it is constructed:
 * they are read here, with the resources they depend on. References always resolve, also at preview,
 * because they derive from plain inputs only.
 */
public final class Known {

    /** The value and the resources it came from (its upstream components). */
    public record Value<T>(T value, List<Resource> resources) {
    }

    private Known() {
    }

    /** The value of {@code output}; fails naming the input when it is absent or unknown. */
    public static <T> Value<T> require(@Nullable Output<T> output, String input) {
        if (output == null) {
            throw new IllegalArgumentException(input + ": required");
        }
        OutputData<T> data = Internal.of(output).getDataAsync().join();
        if (!data.isKnown() || data.getValueNullable() == null) {
            throw new IllegalArgumentException(input + ": must be known when the component is created; pass the "
                    + "reference output of the component it names (it derives from plain inputs and is known at preview)");
        }
        return new Value<>(data.getValueNullable(), List.copyOf(data.getResources()));
    }

    /** The value when it is already known (a constant or a resolved input), else empty; never waits. */
    public static <T> Optional<T> ifKnown(@Nullable Output<T> output) {
        if (output == null) {
            return Optional.empty();
        }
        var future = Internal.of(output).getDataAsync();
        if (!future.isDone() || future.isCompletedExceptionally()) {
            return Optional.empty();
        }
        OutputData<T> data = future.join();
        return data.isKnown() ? Optional.ofNullable(data.getValueNullable()) : Optional.empty();
    }

    /** A known output of {@code value} that depends on {@code resource}, as an input to the next component. */
    public static <T> Output<T> from(Resource resource, T value) {
        return from(List.of(resource), value);
    }

    /** A known output of {@code value} that depends on {@code resources}. */
    public static <T> Output<T> from(java.util.Collection<? extends Resource> resources, T value) {
        return new OutputInternal<>(OutputData.of(ImmutableSet.copyOf(resources), value));
    }
}
