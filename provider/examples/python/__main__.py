"""A platform stack in Python composed from meshfed's typed components (the generated SDK of
provider/schema.json). The clusters' kubeconfigs are outputs of the stack that creates them."""
import pulumi
import pulumi_meshfed as meshfed

config = pulumi.Config("meshfed")
clusters = pulumi.StackReference("clusters", stack_name=config.require("clustersStack"))


def text(name: str) -> pulumi.Output[str]:
    return clusters.require_output(name).apply(str)


east = meshfed.MeshCluster(
    "east",
    mesh="platform",
    name="east",
    kubeconfig=text("eastKubeconfig"),
    locality=meshfed.LocalityArgs(region="eu-west-1"),
)
west = meshfed.MeshCluster(
    "west",
    mesh="platform",
    name="west",
    kubeconfig=text("westKubeconfig"),
    locality=meshfed.LocalityArgs(region="eu-central-1"),
)

trust = meshfed.SharedRootTrust(
    "platform-trust",
    clusters=[east.reference, west.reference],
    seed=config.require_secret("trustSeed"),
)

istio = meshfed.IstioSettingsArgs(version="1.30.3")


def install(cluster: meshfed.MeshCluster, name: str) -> meshfed.IstioInstallation:
    return meshfed.IstioInstallation(
        f"{name}-istio",
        cluster=cluster.reference,
        trust=trust.reference,
        root_certificates=trust.root_certificates,
        settings=istio,
    )


east_gateway = meshfed.EastWestGateway("east-eastwest", installation=install(east, "east").reference)
west_gateway = meshfed.EastWestGateway(
    "west-eastwest",
    installation=install(west, "west").reference,
    address=text("westGatewayAddress"),
)


def app(name: str, cluster: str, *versions: str) -> meshfed.ServiceArgs:
    return meshfed.ServiceArgs(
        name=name,
        namespace="bookinfo",
        cluster=cluster,
        service_account=name,
        ports=[meshfed.PortArgs(number=9080)],
        versions=list(versions),
    )


federation = meshfed.MeshFederation(
    "platform",
    gateways=[east_gateway.reference, west_gateway.reference],
    gateway_addresses={"east": east_gateway.address, "west": west_gateway.address},
    services=[app("reviews", "east", "v1", "v2"), app("reviews", "west", "v3"), app("ratings", "west", "v1", "v2")],
    exports=[
        meshfed.ExportArgs(service="reviews", namespace="bookinfo"),
        meshfed.ExportArgs(service="ratings", namespace="bookinfo"),
    ],
)

meshfed.TrafficPolicy(
    "ratings-canary",
    federation=federation.reference,
    destination=meshfed.ServiceRefArgs(service="ratings", namespace="bookinfo"),
    routes=[
        meshfed.RouteArgs(
            name="canary",
            timeout="2s",
            split=[meshfed.SplitArgs(subset="v1", weight=90), meshfed.SplitArgs(subset="v2", weight=10)],
        )
    ],
)

pulumi.export("federationReference", federation.reference)
pulumi.export("eastIdentity", east.identity)
pulumi.export("eastProviderUrn", east.kubernetes_provider.apply(lambda provider: provider.urn))
