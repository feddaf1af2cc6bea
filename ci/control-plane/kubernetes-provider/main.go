// Command pulumi-resource-kubernetes is Pulumi's Kubernetes provider (release v4.25.0, commit
// f47bc2d6f199), built from its module. Upstream's own main embeds a schema its release process
// generates; ./embed.go writes the same two files from the schema.json and terraform-mapping.json
// that ship in the module (../build.sh runs it), and this main serves them with provider.Serve.
package main

import (
	_ "embed"

	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version"
)

//go:embed schema-embed.json
var schema []byte

//go:embed terraform-mapping-embed.json
var terraformMapping []byte

func main() {
	provider.Serve("kubernetes", version.Version, schema, terraformMapping)
}
