#!/usr/bin/env bash
# Builds the control-plane backend's programs from the Go module proxy into ci/control-plane/bin/:
#   pulumi                       Pulumi CLI v3.274.1 (github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
#   meshfed-gen-sdk              Pulumi's TypeScript/Python SDK generators (pkg/v3/codegen) as a command:
#                                the language plugins `pulumi package gen-sdk` delegates to are not served
#   kubernetes-4.25.0.schema.json  the provider's schema, for SDKs that reference its types
#   pulumi-resource-kubernetes   Pulumi's Kubernetes provider v4.25.0 (provider/v4 @ f47bc2d6f199)
#   kube-apiserver               Kubernetes v1.35.4 (k8s.io/kubernetes/cmd/kube-apiserver)
#   meshfed-etcd                 etcd v3.6.5's embedded server (the version kube-apiserver pins)
#   pilot-discovery              istiod at the istio judge's commit (istio.io/istio eed52ebb66ad)
#   charts/                      Istio's Helm charts from that module (manifests/charts), one folder
#                                per chart name meshfed renders: base, istiod, gateway, cni, ztunnel
# Each part is its own Go module (ci/control-plane/<part>/go.mod + go.sum), so no part forces its
# Pulumi or k8s.io versions on another. A part whose inputs (go.mod, go.sum, sources, this script)
# are unchanged since its last build is not rebuilt; Go's build cache makes real rebuilds cheap.
# Usage: ci/build-control-plane.sh [part...]   (default: all). Without Go: exits 0 with a note,
# except under CI=true. A part that fails to build is reported by name (module and version) and the
# rest still build; the control-plane backend then skips, naming the missing program. The exit code
# is 0 unless MESHFED_CONTROL_PLANE_STRICT=true (then 1 when a part failed).
set -uo pipefail
cd "$(dirname "$0")/control-plane"
root="$(pwd)"
if ! command -v go >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then echo "control-plane: go is not on PATH; CI must build the control plane" >&2; exit 1; fi
  echo "control-plane: go is not on PATH; not built (the control-plane backend skips with its reason)" >&2
  exit 0
fi
mkdir -p bin
parts=("$@"); [ ${#parts[@]} -eq 0 ] && parts=(pulumi kubernetes-provider kubernetes istiod)
failed=()

module_of() {
  case "$1" in
    pulumi) echo "github.com/pulumi/pulumi/pkg/v3 v3.274.1" ;;
    kubernetes-provider) echo "github.com/pulumi/pulumi-kubernetes/provider/v4 v4.0.0-20260115033456-f47bc2d6f199" ;;
    kubernetes) echo "k8s.io/kubernetes v1.35.4 (+ go.etcd.io/etcd/server/v3 v3.6.5)" ;;
    istiod) echo "istio.io/istio v0.0.0-20260827124520-eed52ebb66ad" ;;
  esac
}

outputs_of() {
  case "$1" in
    pulumi) echo "bin/pulumi bin/meshfed-gen-sdk" ;;
    kubernetes-provider) echo "bin/pulumi-resource-kubernetes bin/kubernetes-4.25.0.schema.json" ;;
    kubernetes) echo "bin/kube-apiserver bin/meshfed-etcd" ;;
    istiod) echo "bin/pilot-discovery bin/charts/istiod" ;;
  esac
}

built() {
  local f
  for f in $(outputs_of "$1"); do [ -e "$f" ] || return 1; done
}

stamp_of() { (cat "../build-control-plane.sh"; find "$1" -maxdepth 3 -type f \( -name '*.go' -o -name 'go.mod' -o -name 'go.sum' \) -print0 | sort -z | xargs -0 cat; go version) | sha256sum | cut -d' ' -f1; }

# Helm reads local charts in place; the copies are writable and named as meshfed's releases name them.
copy_charts() {
  local from=$1
  local to="$root/bin/charts"
  rm -rf "$to" && mkdir -p "$to"
  cp -r "$from/base" "$to/base" && cp -r "$from/istio-control/istio-discovery" "$to/istiod" \
    && cp -r "$from/gateway" "$to/gateway" && cp -r "$from/istio-cni" "$to/cni" \
    && cp -r "$from/ztunnel" "$to/ztunnel" && chmod -R u+w "$to"
}

build_part() {
  local part=$1 stamp
  stamp=$(stamp_of "$part")
  if [ -f "bin/.$part.stamp" ] && [ "$(cat "bin/.$part.stamp")" = "$stamp" ] && built "$part"; then
    echo "control-plane: $part is up to date"; return 0
  fi
  local start; start=$(date +%s)
  case "$part" in
    pulumi)
      (cd pulumi && go build -tags grpcnotrace,osusergo \
        -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v3.274.1" \
        -o ../bin/pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
        && go build -o ../bin/meshfed-gen-sdk ./cmd/meshfed-gen-sdk) ;;
    kubernetes-provider)
      (cd kubernetes-provider \
        && go run embed.go "$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi-kubernetes/provider/v4)" 4.25.0 \
        && go build -ldflags "-X github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=4.25.0" \
             -o ../bin/pulumi-resource-kubernetes . \
        && cp schema-embed.json ../bin/kubernetes-4.25.0.schema.json) ;;
    kubernetes)
      (cd kubernetes \
        && go build -ldflags "-X k8s.io/component-base/version.gitVersion=v1.35.4 -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=35" \
             -o ../bin/kube-apiserver k8s.io/kubernetes/cmd/kube-apiserver \
        && go build -o ../bin/meshfed-etcd ./cmd/meshfed-etcd) ;;
    istiod)
      (cd istiod && go build -o ../bin/pilot-discovery istio.io/istio/pilot/cmd/pilot-discovery \
        && copy_charts "$(go list -m -f '{{.Dir}}' istio.io/istio)/manifests/charts") ;;
    *) echo "control-plane: unknown part $part" >&2; return 1 ;;
  esac
  local rc=$?
  if [ $rc -ne 0 ]; then echo "control-plane: FAILED to build $part from $(module_of "$part") (see the go output above)" >&2; return 1; fi
  echo "$stamp" > "bin/.$part.stamp"
  echo "control-plane: built $part in $(( $(date +%s) - start )) s"
}

for part in "${parts[@]}"; do build_part "$part" || failed+=("$part"); done
if [ ${#failed[@]} -gt 0 ]; then
  echo "control-plane: not built: ${failed[*]}; the control-plane backend skips with that reason" >&2
  [ "${MESHFED_CONTROL_PLANE_STRICT:-}" = "true" ] && exit 1
fi
exit 0
