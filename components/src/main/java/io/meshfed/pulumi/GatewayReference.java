package io.meshfed.pulumi;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An east-west gateway as other components see it ({@link EastWestGateway#reference}); its resolved
 * address is the gateway's {@code address} output.
 */
public final class GatewayReference extends ResourceArgs {

    /** The Istio installation the gateway belongs to. */
    @Import(name = "installation", required = true)
    @Export(name = "installation")
    private InstallationReference installation;

    /** Namespace of the gateway. */
    @Import(name = "namespace")
    @Export(name = "namespace")
    private @Nullable String namespace;

    /** Port other clusters connect to. */
    @Import(name = "port")
    @Export(name = "port")
    private @Nullable Integer port;

    /** Service type of the gateway. */
    @Import(name = "serviceType")
    @Export(name = "serviceType")
    private @Nullable String serviceType;

    /** The declared address, when it was known at construction. */
    @Import(name = "address")
    @Export(name = "address")
    private @Nullable String address;

    public GatewayReference() {
    }

    public InstallationReference installation() {
        return installation;
    }

    public @Nullable String namespace() {
        return namespace;
    }

    public @Nullable Integer port() {
        return port;
    }

    public @Nullable String serviceType() {
        return serviceType;
    }

    public @Nullable String address() {
        return address;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final GatewayReference value = new GatewayReference();

        public Builder installation(InstallationReference installation) {
            value.installation = installation;
            return this;
        }

        public Builder namespace(String namespace) {
            value.namespace = namespace;
            return this;
        }

        public Builder port(Integer port) {
            value.port = port;
            return this;
        }

        public Builder serviceType(String serviceType) {
            value.serviceType = serviceType;
            return this;
        }

        public Builder address(String address) {
            value.address = address;
            return this;
        }

        public GatewayReference build() {
            Objects.requireNonNull(value.installation, "GatewayReference.installation");
            return value;
        }
    }
}
