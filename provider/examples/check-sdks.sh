#!/usr/bin/env bash
# Generates the TypeScript and Python SDKs of the meshfed package from provider/schema.json and
# type-checks the example programs with them: tsc --noEmit (typescript/) and mypy (python/).
# Generation runs Pulumi's own SDK generators (pulumi/pkg/v3 codegen, v3.274.1) through
# meshfed-gen-sdk, which ci/build-control-plane.sh builds beside the pulumi CLI: `pulumi package
# gen-sdk` hands generation to the pulumi-language-nodejs/-python plugins, whose modules the Go
# module proxy does not serve. The kubernetes provider's schema (4.25.0, also built there) binds the
# provider reference. Needs node/npm and python3 (packages from npm and PyPI, versions pinned).
# Without the built parts it prints one SKIPPED line and exits 0.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${MESHFED_CONTROL_PLANE_BIN:-$here/../../ci/control-plane/bin}"
generator="$bin/meshfed-gen-sdk"
kubernetes_schema="$bin/kubernetes-4.25.0.schema.json"
if [ ! -x "$generator" ] || [ ! -f "$kubernetes_schema" ]; then
  echo "SKIPPED: $generator or $kubernetes_schema not built; run ci/build-control-plane.sh pulumi kubernetes-provider"
  exit 0
fi
schema="$here/../schema.json"
generate() { "$generator" -schema "$schema" -ref "kubernetes=$kubernetes_schema" -language "$1" -out "$2"; }

# TypeScript: the SDK's sources, resolved through tsconfig paths, checked with the programs.
rm -rf "$here/typescript/sdks"
generate nodejs "$here/typescript/sdks/.gen"
mv "$here/typescript/sdks/.gen/nodejs" "$here/typescript/sdks/meshfed" && rm -rf "$here/typescript/sdks/.gen"
(cd "$here/typescript" && npm ci --no-audit --no-fund --silent && npx tsc --noEmit -p .)
echo "typescript: tsc --noEmit passed"

# Python: the SDK installed into a virtualenv, the program checked with mypy.
rm -rf "$here/python/sdks"
generate python "$here/python/sdks"
python3 -m venv "$here/python/.venv"
"$here/python/.venv/bin/pip" install --quiet -r "$here/python/requirements.txt" "$here/python/sdks/python"
(cd "$here/python" && .venv/bin/mypy --strict __main__.py)
echo "python: mypy passed"
