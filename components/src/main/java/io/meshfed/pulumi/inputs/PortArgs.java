package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A service port.
 */
public final class PortArgs extends ResourceArgs {

    /** Port name (default {@code <protocol>-<number>}). */
    @Import(name = "name")
    @Export(name = "name")
    private @Nullable String name;

    /** Port number. */
    @Import(name = "number", required = true)
    @Export(name = "number")
    private Integer number;

    /** Protocol as Istio names it: HTTP (default), HTTP2, HTTPS, GRPC, TCP, TLS, MONGO, REDIS, MYSQL. */
    @Import(name = "protocol")
    @Export(name = "protocol")
    private @Nullable String protocol;

    public PortArgs() {
    }

    public @Nullable String name() {
        return name;
    }

    public Integer number() {
        return number;
    }

    public @Nullable String protocol() {
        return protocol;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final PortArgs value = new PortArgs();

        public Builder name(String name) {
            value.name = name;
            return this;
        }

        public Builder number(Integer number) {
            value.number = number;
            return this;
        }

        public Builder protocol(String protocol) {
            value.protocol = protocol;
            return this;
        }

        public PortArgs build() {
            Objects.requireNonNull(value.number, "PortArgs.number");
            return value;
        }
    }
}
