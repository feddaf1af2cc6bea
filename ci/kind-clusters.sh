#!/usr/bin/env bash
# Creates the two kind clusters of the `local` stack (kind-east, kind-west) on the shared "kind"
# Docker network and installs MetalLB in each with an address pool carved from that network, so the
# east-west gateways get the LoadBalancer addresses declared in stacks/Pulumi.local.yaml
# (172.18.64.1 east, 172.18.128.1 west). Needs Docker, kind and kubectl. Idempotent.
#   ci/kind-clusters.sh          create (or reuse) both clusters
#   ci/kind-clusters.sh delete   delete both clusters
set -euo pipefail

METALLB_VERSION="${METALLB_VERSION:-v0.14.9}"
NODE_IMAGE="${KIND_NODE_IMAGE:-kindest/node:v1.33.1}"
# Pools start at the declared gateway address: the gateway is the only LoadBalancer Service per
# cluster, so MetalLB hands it the first address of the pool.
declare -A POOLS=([east]="172.18.64.1-172.18.127.254" [west]="172.18.128.1-172.18.191.254")

need() { command -v "$1" >/dev/null || { echo "missing: $1" >&2; exit 1; }; }
need docker; need kind; need kubectl

if [[ "${1:-}" == "delete" ]]; then
  for c in east west; do kind delete cluster --name "$c" || true; done
  exit 0
fi

for c in east west; do
  if ! kind get clusters | grep -qx "$c"; then
    kind create cluster --name "$c" --image "$NODE_IMAGE" --wait 120s
  fi
done

subnet="$(docker network inspect kind -f '{{range .IPAM.Config}}{{.Subnet}} {{end}}' | tr ' ' '\n' | grep -v ':' | head -1)"
if [[ "$subnet" != 172.18.* ]]; then
  echo "the kind network is $subnet, not 172.18.0.0/16: adjust POOLS here and eastWestGateway.address in stacks/Pulumi.local.yaml" >&2
  exit 1
fi

for c in east west; do
  ctx="kind-$c"
  # MetalLB >= 0.14 does not announce from nodes labelled exclude-from-external-load-balancers (kubeadm puts it on
  # control-plane nodes; recent kind drops it on single-node clusters, older kind does not)
  kubectl --context "$ctx" label nodes --all node.kubernetes.io/exclude-from-external-load-balancers- >/dev/null 2>&1 || true
  kubectl --context "$ctx" apply -f "https://raw.githubusercontent.com/metallb/metallb/${METALLB_VERSION}/config/manifests/metallb-native.yaml"
  kubectl --context "$ctx" -n metallb-system wait --for=condition=Available deployment/controller --timeout=180s
  kubectl --context "$ctx" -n metallb-system rollout status daemonset/speaker --timeout=180s
  kubectl --context "$ctx" apply -f - <<YAML
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: meshfed, namespace: metallb-system}
spec:
  addresses: ["${POOLS[$c]}"]
  avoidBuggyIPs: true
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: meshfed, namespace: metallb-system}
spec:
  ipAddressPools: [meshfed]
YAML
  echo "cluster $c ready: context $ctx, MetalLB pool ${POOLS[$c]}"
done
