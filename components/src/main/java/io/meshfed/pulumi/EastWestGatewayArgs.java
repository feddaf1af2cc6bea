package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.internal.Known;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Inputs of {@link EastWestGateway}. The address may be another resource's output (a reserved IP, a
 * load balancer's host name); the namespace, port and service type decide the gateway's objects and
 * are plain.
 */
public final class EastWestGatewayArgs extends ResourceArgs {

    /** The cluster's Istio installation ({@link IstioInstallation#reference}). */
    @Import(name = "installation", required = true)
    private Output<InstallationReference> installation;

    /**
     * The address other clusters reach this gateway at. Without it: the gateway Service's load-balancer
     * address once it has one (sidecar meshes); ambient meshes need it known at construction.
     */
    @Import(name = "address")
    private @Nullable Output<String> address;

    /** Port other clusters connect to (15443 sidecar, 15008 ambient). */
    @Import(name = "port")
    private @Nullable Integer port;

    /** Service type: LoadBalancer (default), NodePort or ClusterIP. */
    @Import(name = "serviceType")
    private @Nullable String serviceType;

    /** Namespace of the gateway (default {@code istio-gateways}; the same in every cluster of an ambient mesh). */
    @Import(name = "namespace")
    private @Nullable String namespace;

    public EastWestGatewayArgs() {
    }

    public Output<InstallationReference> installation() {
        return installation;
    }

    public @Nullable Output<String> address() {
        return address;
    }

    public @Nullable Integer port() {
        return port;
    }

    public @Nullable String serviceType() {
        return serviceType;
    }

    public @Nullable String namespace() {
        return namespace;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final EastWestGatewayArgs args = new EastWestGatewayArgs();

        public Builder installation(IstioInstallation installation) {
            return installation(Known.from(installation, installation.live()));
        }

        public Builder installation(Output<InstallationReference> installation) {
            args.installation = installation;
            return this;
        }

        public Builder address(@Nullable Output<String> address) {
            args.address = address;
            return this;
        }

        public Builder address(String address) {
            return address(Output.of(address));
        }

        public Builder port(@Nullable Integer port) {
            args.port = port;
            return this;
        }

        public Builder serviceType(@Nullable String serviceType) {
            args.serviceType = serviceType;
            return this;
        }

        public Builder namespace(@Nullable String namespace) {
            args.namespace = namespace;
            return this;
        }

        public EastWestGatewayArgs build() {
            Objects.requireNonNull(args.installation, "EastWestGatewayArgs.installation");
            return args;
        }
    }
}
