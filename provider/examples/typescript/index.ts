// A platform stack in TypeScript composed from meshfed's typed components (the generated SDK of
// provider/schema.json). The clusters come from the stack that creates them (pulumi-eks, kind, k3s):
// their kubeconfigs are that stack's outputs and go straight into MeshCluster.
import * as pulumi from "@pulumi/pulumi";
import * as meshfed from "@pulumi/meshfed";

const config = new pulumi.Config("meshfed");
const clusters = new pulumi.StackReference("clusters", { name: config.require("clustersStack") });
const text = (name: string): pulumi.Output<string> => clusters.requireOutput(name).apply(value => String(value));

const east = new meshfed.MeshCluster("east", {
    mesh: "platform",
    name: "east",
    kubeconfig: text("eastKubeconfig"),
    locality: { region: "eu-west-1" },
});
const west = new meshfed.MeshCluster("west", {
    mesh: "platform",
    name: "west",
    kubeconfig: text("westKubeconfig"),
    locality: { region: "eu-central-1" },
});

const trust = new meshfed.SharedRootTrust("platform-trust", {
    clusters: [east.reference, west.reference],
    seed: config.requireSecret("trustSeed"),
});

const istio: meshfed.types.input.IstioSettingsArgs = { version: "1.30.3" };

function install(cluster: meshfed.MeshCluster, name: string, values?: pulumi.Input<string>): meshfed.IstioInstallation {
    return new meshfed.IstioInstallation(`${name}-istio`, {
        cluster: cluster.reference,
        trust: trust.reference,
        rootCertificates: trust.rootCertificates,
        settings: istio,
        values,
    });
}

const eastGateway = new meshfed.EastWestGateway("east-eastwest", {
    installation: install(east, "east", "pilot:\n  resources:\n    requests:\n      cpu: 200m\n").reference,
});
const westGateway = new meshfed.EastWestGateway("west-eastwest", {
    installation: install(west, "west").reference,
    address: text("westGatewayAddress"),
});

const app = (name: string, cluster: string, ...versions: string[]): meshfed.types.input.ServiceArgs => ({
    name, namespace: "bookinfo", cluster, serviceAccount: name, ports: [{ number: 9080 }], versions,
});

const federation = new meshfed.MeshFederation("platform", {
    gateways: [eastGateway.reference, westGateway.reference],
    gatewayAddresses: { east: eastGateway.address, west: westGateway.address },
    services: [app("productpage", "east", "v1"), app("reviews", "east", "v1", "v2"), app("reviews", "west", "v3"),
        app("ratings", "west", "v1", "v2")],
    exports: [{ service: "reviews", namespace: "bookinfo" }, { service: "ratings", namespace: "bookinfo" }],
    failover: [{
        name: "reviews-failover",
        service: { service: "reviews", namespace: "bookinfo" },
        outlierDetection: { consecutive5xxErrors: 3, interval: "5s", baseEjectionTime: "30s", maxEjectionPercent: 100 },
    }],
});

new meshfed.AccessPolicy("platform-access", {
    federation: federation.reference,
    globalDefaultDeny: true,
    rules: [{
        name: "bookinfo-internal",
        from: [{ serviceAccounts: [{ namespace: "bookinfo", name: "productpage" }, { namespace: "bookinfo", name: "reviews" }] }],
        to: { namespaces: ["bookinfo"] },
    }],
});
new meshfed.FailoverPolicy("reviews-failover", {
    federation: federation.reference,
    service: { service: "reviews", namespace: "bookinfo" },
    outlierDetection: { consecutive5xxErrors: 3, interval: "5s", baseEjectionTime: "30s", maxEjectionPercent: 100 },
});

export const federationReference = federation.reference;
export const rootFingerprint = trust.rootFingerprintSha256;
export const eastIdentity = east.identity;
// the cluster's provider is a kubernetes.Provider resource (a resource reference in the schema)
export const eastProviderUrn = east.kubernetesProvider.apply(provider => provider.urn);
