//go:build tools

// Package tools pins istiod (pilot-discovery) at the commit the istio judge is built from
// (scenarios/istio-oracle/go.mod); ../build.sh builds it, and the chart values come from the same module.
package tools

import _ "istio.io/istio/pilot/cmd/pilot-discovery"
