package io.meshfed.pulumi;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.inputs.AccessArgs;
import io.meshfed.pulumi.inputs.ExportArgs;
import io.meshfed.pulumi.inputs.FailoverArgs;
import io.meshfed.pulumi.inputs.ServiceArgs;
import io.meshfed.pulumi.inputs.TrafficArgs;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The federation as policies see it ({@link MeshFederation#reference}): the gateways, the service
 * inventory, the exports and the policies it takes into account.
 */
public final class FederationReference extends ResourceArgs {

    /** East-west gateways of the federated clusters. */
    @Import(name = "gateways", required = true)
    @Export(name = "gateways")
    private List<GatewayReference> gateways;

    /** Service inventory. */
    @Import(name = "services")
    @Export(name = "services")
    private @Nullable List<ServiceArgs> services;

    /** Exported services. */
    @Import(name = "exports")
    @Export(name = "exports")
    private @Nullable List<ExportArgs> exports;

    /** Traffic policies the federation takes into account. */
    @Import(name = "traffic")
    @Export(name = "traffic")
    private @Nullable List<TrafficArgs> traffic;

    /** Access control the federation takes into account. */
    @Import(name = "access")
    @Export(name = "access")
    private @Nullable AccessArgs access;

    /** Failover policies the federation takes into account. */
    @Import(name = "failover")
    @Export(name = "failover")
    private @Nullable List<FailoverArgs> failover;

    public FederationReference() {
    }

    public List<GatewayReference> gateways() {
        return gateways == null ? List.of() : gateways;
    }

    public List<ServiceArgs> services() {
        return services == null ? List.of() : services;
    }

    public List<ExportArgs> exports() {
        return exports == null ? List.of() : exports;
    }

    public List<TrafficArgs> traffic() {
        return traffic == null ? List.of() : traffic;
    }

    public @Nullable AccessArgs access() {
        return access;
    }

    public List<FailoverArgs> failover() {
        return failover == null ? List.of() : failover;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final FederationReference value = new FederationReference();

        public Builder gateways(List<GatewayReference> gateways) {
            value.gateways = gateways == null ? null : List.copyOf(gateways);
            return this;
        }

        public Builder gateways(GatewayReference... gateways) {
            return gateways(List.of(gateways));
        }

        public Builder services(List<ServiceArgs> services) {
            value.services = services == null ? null : List.copyOf(services);
            return this;
        }

        public Builder services(ServiceArgs... services) {
            return services(List.of(services));
        }

        public Builder exports(List<ExportArgs> exports) {
            value.exports = exports == null ? null : List.copyOf(exports);
            return this;
        }

        public Builder exports(ExportArgs... exports) {
            return exports(List.of(exports));
        }

        public Builder traffic(List<TrafficArgs> traffic) {
            value.traffic = traffic == null ? null : List.copyOf(traffic);
            return this;
        }

        public Builder traffic(TrafficArgs... traffic) {
            return traffic(List.of(traffic));
        }

        public Builder access(AccessArgs access) {
            value.access = access;
            return this;
        }

        public Builder failover(List<FailoverArgs> failover) {
            value.failover = failover == null ? null : List.copyOf(failover);
            return this;
        }

        public Builder failover(FailoverArgs... failover) {
            return failover(List.of(failover));
        }

        public FederationReference build() {
            Objects.requireNonNull(value.gateways, "FederationReference.gateways");
            return value;
        }
    }
}
