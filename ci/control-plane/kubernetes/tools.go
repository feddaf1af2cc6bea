//go:build tools

// Package tools pins the kube-apiserver built by ../build.sh.
package tools

import _ "k8s.io/kubernetes/cmd/kube-apiserver"
