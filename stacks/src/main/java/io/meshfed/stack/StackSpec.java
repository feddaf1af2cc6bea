package io.meshfed.stack;

import com.pulumi.Config;
import io.meshfed.spec.InvalidSpecException;
import io.meshfed.spec.Problem;
import io.meshfed.spec.SpecFiles;
import io.meshfed.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The mesh spec text of a stack: {@code meshfed:mesh} (an object, which Pulumi hands to programs as
 * JSON) or {@code meshfed:meshFile} (a path relative to the project directory). Validated on read.
 */
record StackSpec(String text, String source) {

    static final String NAMESPACE = "meshfed";

    static StackSpec read(Config config) {
        var inline = config.get("mesh");
        var file = config.get("meshFile");
        if (inline.isPresent() && file.isPresent()) {
            throw new InvalidSpecException(List.of(new Problem("stack config",
                    "set either " + SpecLoader.STACK_KEY + " or meshfed:meshFile, not both")));
        }
        StackSpec spec;
        if (inline.isPresent()) {
            spec = new StackSpec(inline.get(), "stack config " + SpecLoader.STACK_KEY);
        } else if (file.isPresent()) {
            spec = new StackSpec(SpecFiles.read(Path.of(file.get())), file.get());
        } else {
            throw new InvalidSpecException(List.of(new Problem("stack config",
                    "no mesh spec: set " + SpecLoader.STACK_KEY + " (object) or meshfed:meshFile (path)")));
        }
        SpecLoader.load(spec.text, spec.source);
        return spec;
    }
}
