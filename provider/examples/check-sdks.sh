#!/usr/bin/env bash
# Generates the TypeScript and Python SDKs of the meshfed package from provider/schema.json and
# type-checks the example programs with them: tsc --noEmit (typescript/) and mypy (python/).
# Needs the pulumi CLI (see README "Using the components from other languages"), node/npm and
# python3; the kubernetes 4.0.0 plugin's schema is read for the provider reference. Without the
# pulumi CLI it prints one SKIPPED line and exits 0.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v pulumi >/dev/null 2>&1; then
  echo "SKIPPED: no pulumi CLI on PATH; build it from the Go module proxy (README) to generate and type-check the SDKs"
  exit 0
fi
schema="$here/../schema.json"

# TypeScript: the SDK's sources, resolved through tsconfig paths, checked with the programs.
rm -rf "$here/typescript/sdks/meshfed"
pulumi package gen-sdk "$schema" --language nodejs --out "$here/typescript/sdks/.gen"
mv "$here/typescript/sdks/.gen/nodejs" "$here/typescript/sdks/meshfed" && rm -rf "$here/typescript/sdks/.gen"
(cd "$here/typescript" && npm install --no-audit --no-fund --silent && npx tsc --noEmit -p .)
echo "typescript: tsc --noEmit passed"

# Python: the SDK installed into a virtualenv, the program checked with mypy.
rm -rf "$here/python/sdks"
pulumi package gen-sdk "$schema" --language python --out "$here/python/sdks"
python3 -m venv "$here/python/.venv"
"$here/python/.venv/bin/pip" install --quiet -r "$here/python/requirements.txt" "$here/python/sdks/python"
(cd "$here/python" && .venv/bin/mypy --ignore-missing-imports __main__.py)
echo "python: mypy passed"
