// A team's own stack: one TrafficPolicy for its service, against the federation the platform stack
// exports. The team reaches east through its own MeshCluster (its own kubeconfig and provider).
import * as pulumi from "@pulumi/pulumi";
import * as meshfed from "@pulumi/meshfed";

export function ratingsCanary(platformStack: string, eastKubeconfig: pulumi.Input<string>): meshfed.TrafficPolicy {
    const platform = new pulumi.StackReference("platform", { name: platformStack });
    const east = new meshfed.MeshCluster("east", { mesh: "platform", name: "east", kubeconfig: eastKubeconfig });
    return new meshfed.TrafficPolicy("ratings-canary", {
        federation: platform.requireOutput("federationReference"),
        clusters: [east.reference],
        destination: { service: "ratings", namespace: "bookinfo" },
        sourceClusters: ["east"],
        routes: [
            {
                name: "testers",
                match: { headers: { "x-team": { exact: "testers" } } },
                split: [{ subset: "v2" }],
            },
            {
                name: "canary",
                timeout: "2s",
                retries: { attempts: 2, perTryTimeout: "1s", retryOn: "5xx,reset" },
                split: [{ subset: "v1", weight: 90 }, { subset: "v2", weight: 10 }],
            },
        ],
    });
}
