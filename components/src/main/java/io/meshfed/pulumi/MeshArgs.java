package io.meshfed.pulumi;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/** Inputs of {@link Mesh}: the spec is plain because it decides which resources exist. */
public final class MeshArgs extends ResourceArgs {

    /** The mesh spec as YAML or JSON (a bare spec or a Pulumi stack file holding it). */
    @Import(name = "spec", required = true)
    private String spec;

    public MeshArgs() {
    }

    public String spec() {
        return spec;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final MeshArgs args = new MeshArgs();

        public Builder spec(String spec) {
            args.spec = spec;
            return this;
        }

        public MeshArgs build() {
            Objects.requireNonNull(args.spec, "spec");
            return args;
        }
    }
}
