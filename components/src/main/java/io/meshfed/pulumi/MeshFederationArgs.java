package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.meshfed.pulumi.internal.Known;
import io.meshfed.pulumi.inputs.AccessArgs;
import io.meshfed.pulumi.inputs.ExportArgs;
import io.meshfed.pulumi.inputs.FailoverArgs;
import io.meshfed.pulumi.inputs.ServiceArgs;
import io.meshfed.pulumi.inputs.TrafficArgs;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Inputs of {@link MeshFederation}. The gateway addresses may be unknown at preview (a load
 * balancer's); the service inventory, the exports and the policies decide which objects exist in
 * which cluster and are plain.
 */
public final class MeshFederationArgs extends ResourceArgs {

    /** One east-west gateway per cluster of the mesh ({@link EastWestGateway#reference}). */
    @Import(name = "gateways", required = true)
    private Output<List<GatewayReference>> gateways;

    /** Cluster → gateway address ({@link EastWestGateway#address}), for gateways whose address was not known at construction. */
    @Import(name = "gatewayAddresses")
    private @Nullable Output<Map<String, String>> gatewayAddresses;

    /** The service inventory: which service runs in which cluster. */
    @Import(name = "services")
    private @Nullable List<ServiceArgs> services;

    /** The exported services. */
    @Import(name = "exports")
    private @Nullable List<ExportArgs> exports;

    /**
     * Traffic policies to take into account (namespaces they need, failover routes they replace);
     * their objects are registered by their {@link TrafficPolicy} components.
     */
    @Import(name = "traffic")
    private @Nullable List<TrafficArgs> traffic;

    /** Access control to take into account (namespaces it isolates); registered by {@link AccessPolicy}. */
    @Import(name = "access")
    private @Nullable AccessArgs access;

    /** Failover policies, which shape the global hosts' DestinationRules; their routes are registered by {@link FailoverPolicy}. */
    @Import(name = "failover")
    private @Nullable List<FailoverArgs> failover;

    public MeshFederationArgs() {
    }

    public Output<List<GatewayReference>> gateways() {
        return gateways;
    }

    public @Nullable Output<Map<String, String>> gatewayAddresses() {
        return gatewayAddresses;
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
        private final MeshFederationArgs args = new MeshFederationArgs();

        /** The gateways of this program: their references and their addresses. */
        public Builder gateways(EastWestGateway... gateways) {
            return gateways(List.of(gateways));
        }

        public Builder gateways(List<EastWestGateway> gateways) {
            List<String> clusters = gateways.stream().map(g -> g.live().installation().cluster().name()).toList();
            gatewayAddresses(Output.all(gateways.stream().map(g -> g.address).toList()).applyValue(addresses -> {
                Map<String, String> byCluster = new TreeMap<>();
                for (int i = 0; i < clusters.size(); i++) {
                    byCluster.put(clusters.get(i), addresses.get(i));
                }
                return byCluster;
            }));
            return gateways(Known.from(gateways, gateways.stream().map(EastWestGateway::live).toList()));
        }

        public Builder gateways(Output<List<GatewayReference>> gateways) {
            args.gateways = gateways;
            return this;
        }

        public Builder gatewayAddresses(@Nullable Output<Map<String, String>> gatewayAddresses) {
            args.gatewayAddresses = gatewayAddresses;
            return this;
        }

        public Builder services(List<ServiceArgs> services) {
            args.services = List.copyOf(services);
            return this;
        }

        public Builder services(ServiceArgs... services) {
            return services(List.of(services));
        }

        public Builder exports(List<ExportArgs> exports) {
            args.exports = List.copyOf(exports);
            return this;
        }

        public Builder exports(ExportArgs... exports) {
            return exports(List.of(exports));
        }

        public Builder traffic(List<TrafficArgs> traffic) {
            args.traffic = List.copyOf(traffic);
            return this;
        }

        public Builder access(@Nullable AccessArgs access) {
            args.access = access;
            return this;
        }

        public Builder failover(List<FailoverArgs> failover) {
            args.failover = List.copyOf(failover);
            return this;
        }

        public Builder failover(FailoverArgs... failover) {
            return failover(List.of(failover));
        }

        public MeshFederationArgs build() {
            Objects.requireNonNull(args.gateways, "MeshFederationArgs.gateways");
            return args;
        }
    }
}
