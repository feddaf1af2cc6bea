#!/usr/bin/env bash
# Runs the acceptance features (features/*.feature, unchanged) on real clusters.
#   ci/acceptance.sh k3s     # one k3s container per cluster (Testcontainers), default
#   ci/acceptance.sh kind    # kind containers (kindcontainer) with MetalLB
# Needs Docker and the pulumi CLI (>= 3.95). MESHFED_KEEP_CLUSTERS=true keeps clusters for debugging.
set -euo pipefail
backend="${1:-k3s}"
cd "$(dirname "$0")/.."
command -v docker >/dev/null || { echo "missing: docker" >&2; exit 1; }
command -v pulumi >/dev/null || { echo "missing: pulumi CLI" >&2; exit 1; }
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-$(openssl rand -base64 24)}"
# Testcontainers removes its containers at JVM exit unless they are reusable: keeping clusters needs reuse
if [[ "${MESHFED_KEEP_CLUSTERS:-}" == "true" ]]; then export TESTCONTAINERS_REUSE_ENABLE=true; fi
export MESHFED_TRUST_SEED="${MESHFED_TRUST_SEED:-$(openssl rand -base64 32)}"
./mvnw -B -pl stacks -am package -DskipTests
./mvnw -B -pl scenarios -am verify -Dtest=AcceptanceTest -Dsurefire.failIfNoSpecifiedTests=false -DMESHFED_BACKEND="$backend"
cat scenarios/target/acceptance-walltime.txt
