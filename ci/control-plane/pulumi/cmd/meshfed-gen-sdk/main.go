// Command meshfed-gen-sdk generates the TypeScript or Python SDK of a Pulumi package schema with
// Pulumi's own code generators (pkg/codegen/nodejs, pkg/codegen/python), as `pulumi package gen-sdk`
// does. That command hands generation to the language plugins pulumi-language-nodejs and
// pulumi-language-python, whose Go modules the module proxy does not serve; their generators live in
// pkg/v3, which it does. Referenced packages (meshfed's schema names the kubernetes provider) are
// bound from their schema files instead of from running their plugins.
//
// Usage: meshfed-gen-sdk -schema provider/schema.json -ref kubernetes=<schema.json> -language nodejs|python -out DIR
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

type refs []string

func (r *refs) String() string     { return strings.Join(*r, ",") }
func (r *refs) Set(v string) error { *r = append(*r, v); return nil }

// fileLoader answers package references from schemas bound ahead of time.
type fileLoader map[string]*schema.Package

func (l fileLoader) LoadPackage(name string, version *semver.Version) (*schema.Package, error) {
	return l.LoadPackageV2(context.Background(), &schema.PackageDescriptor{Name: name, Version: version})
}

func (l fileLoader) LoadPackageV2(ctx context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	ref, err := l.LoadPackageReferenceV2(ctx, d)
	if err != nil {
		return nil, err
	}
	return ref.Definition()
}

func (l fileLoader) LoadPackageReference(name string, version *semver.Version) (schema.PackageReference, error) {
	return l.LoadPackageReferenceV2(context.Background(), &schema.PackageDescriptor{Name: name, Version: version})
}

func (l fileLoader) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	pkg, ok := l[d.Name]
	if !ok {
		return nil, fmt.Errorf("package %s is not given with -ref", d.Name)
	}
	if d.Version != nil && pkg.Version != nil && !d.Version.Equals(*pkg.Version) {
		return nil, fmt.Errorf("package %s: the schema refers to version %s, -ref gives %s", d.Name, d.Version, pkg.Version)
	}
	return pkg.Reference(), nil
}

func readSpec(path string) schema.PackageSpec {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	return spec
}

func main() {
	schemaPath := flag.String("schema", "", "the package schema (JSON)")
	language := flag.String("language", "", "nodejs or python")
	out := flag.String("out", "", "output folder (the SDK goes to <out>/<language>)")
	var references refs
	flag.Var(&references, "ref", "name=schema.json of a referenced package (repeatable)")
	flag.Parse()
	if *schemaPath == "" || *out == "" || (*language != "nodejs" && *language != "python") {
		flag.Usage()
		os.Exit(2)
	}
	loader := fileLoader{}
	for _, r := range references {
		name, path, ok := strings.Cut(r, "=")
		if !ok {
			log.Fatalf("-ref %q: want name=schema.json", r)
		}
		pkg, err := schema.ImportSpec(readSpec(path), nil, loader, schema.ValidationOptions{})
		if err != nil {
			log.Fatalf("binding %s: %v", path, err)
		}
		loader[name] = pkg
	}
	pkg, diags, err := schema.BindSpec(readSpec(*schemaPath), loader, schema.ValidationOptions{})
	if err != nil {
		log.Fatalf("binding %s: %v", *schemaPath, err)
	}
	if diags.HasErrors() {
		log.Fatalf("binding %s: %v", *schemaPath, diags)
	}
	var files map[string][]byte
	switch *language {
	case "nodejs":
		files, err = nodejs.GeneratePackage("meshfed-gen-sdk", pkg, nil, nil, false, loader)
	case "python":
		files, err = python.GeneratePackage("meshfed-gen-sdk", pkg, nil, loader)
	}
	if err != nil {
		log.Fatalf("generating the %s SDK: %v", *language, err)
	}
	for name, content := range files {
		target := filepath.Join(*out, *language, name)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(target, content, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Fprintf(os.Stderr, "%s SDK of %s written to %s (%d files)\n", *language, pkg.Name, filepath.Join(*out, *language), len(files))
}
