//go:build tools

// Package tools pins the Pulumi CLI built by ../build.sh: building a main package of a dependency
// from this module ignores pulumi/pkg's own replace directives (its sdk ../sdk path).
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
